using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>One polled record, or an end-of-partition event (<see cref="IsEof"/>, <see cref="Offset"/> = the end).</summary>
internal readonly record struct PolledRecord(string Topic, int Partition, long Offset, bool IsEof, long Timestamp, byte[]? Key, byte[]? Value, Headers? Headers)
{
    public static PolledRecord From(ConsumeResult<byte[]?, byte[]?> result) => result.IsPartitionEOF
        ? new PolledRecord(result.Topic, result.Partition.Value, result.Offset.Value, true, -1, null, null, null)
        : new PolledRecord(result.Topic, result.Partition.Value, result.Offset.Value, false, result.Message.Timestamp.UnixTimestampMs,
            result.Message.Key, result.Message.Value, result.Message.Headers);
}
