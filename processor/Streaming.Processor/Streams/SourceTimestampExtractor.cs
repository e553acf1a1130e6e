using Confluent.Kafka;
using Streamiz.Kafka.Net.Processors;

namespace Streaming.Processor.Streams;

/// <summary>
/// Streamiz's record time for source records, which read bytes and are not decoded here. It only drives Streamiz's own
/// task stream time (stream-time punctuation and output timestamps before we set them); our watermarks come from
/// decoded event times in the ingest processors. Never negative, so Streamiz never drops or fails a record for its time.
/// </summary>
/// <remarks>The producer writes the event time as the Kafka timestamp; a missing one falls back to the partition's time, then 0.</remarks>
public sealed class SourceTimestampExtractor : ITimestampExtractor
{
    public long Extract(ConsumeResult<object, object> record, long partitionTime)
    {
        var timestamp = record.Message?.Timestamp.UnixTimestampMs ?? -1;
        if (timestamp >= 0)
        {
            return timestamp;
        }
        return partitionTime >= 0 ? partitionTime : 0;
    }
}
