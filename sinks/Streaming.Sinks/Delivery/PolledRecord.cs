using Confluent.Kafka;

namespace Streaming.Sinks.Delivery;

/// <summary>One polled record, or an end-of-partition event (<see cref="IsEof"/>, <see cref="Offset"/> = the end).</summary>
/// <param name="Topic">Topic name.</param>
/// <param name="Partition">Partition number.</param>
/// <param name="Offset">Offset of the record; for an end-of-partition event, the end offset.</param>
/// <param name="IsEof">Whether this is an end-of-partition event rather than a record.</param>
/// <param name="Timestamp">Record timestamp, UTC epoch milliseconds (-1 for an end-of-partition event).</param>
/// <param name="Key">Key bytes, or null.</param>
/// <param name="Value">Value bytes, or null (a tombstone, or an end-of-partition event).</param>
/// <param name="Headers">Headers, or null when the record carries none.</param>
public readonly record struct PolledRecord(string Topic, int Partition, long Offset, bool IsEof, long Timestamp, byte[]? Key, byte[]? Value, Headers? Headers)
{
    /// <summary>The same record from a Confluent.Kafka consume result.</summary>
    public static PolledRecord From(ConsumeResult<byte[]?, byte[]?> result) => result.IsPartitionEOF
        ? new PolledRecord(result.Topic, result.Partition.Value, result.Offset.Value, true, -1, null, null, null)
        : new PolledRecord(result.Topic, result.Partition.Value, result.Offset.Value, false, result.Message.Timestamp.UnixTimestampMs,
            result.Message.Key, result.Message.Value, result.Message.Headers);
}
