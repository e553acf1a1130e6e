using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// A record as read from a partition. When it becomes the head of its <see cref="RecordQueue"/> it is deserialized in
/// place (<see cref="Key"/>, <see cref="Value"/>, <see cref="Timestamp"/>) so no second object is allocated.
/// </summary>
internal sealed class RawRecord(string topic, int partition, long offset, long kafkaTimestamp, byte[]? keyBytes, byte[]? valueBytes, Headers? headers)
{
    public string Topic { get; } = topic;

    public int Partition { get; } = partition;

    public long Offset { get; } = offset;

    public long KafkaTimestamp { get; } = kafkaTimestamp;

    public byte[]? KeyBytes { get; } = keyBytes;

    public byte[]? ValueBytes { get; } = valueBytes;

    public Headers? Headers { get; } = headers;

    public object? Key { get; set; }

    public object? Value { get; set; }

    /// <summary>The extracted event time; negative means "no valid time".</summary>
    public long Timestamp { get; set; }
}
