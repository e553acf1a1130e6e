using Confluent.Kafka;

namespace Streaming.Sinks.Delivery;

/// <summary>What one flush made durable.</summary>
/// <param name="Offsets">
/// Per partition, the next offset to read (last durable offset + 1). The sink has stored these itself (the source of
/// truth); the reader commits them to the consumer group afterwards, best effort.
/// </param>
/// <param name="Rows">Rows written (Postgres) or records written to files (S3).</param>
/// <param name="Files">Files completed and uploaded (S3); 0 for Postgres.</param>
/// <param name="Bytes">Bytes written: raw record value bytes (Postgres) or uploaded object bytes (S3).</param>
public sealed record FlushResult(IReadOnlyList<TopicPartitionOffset> Offsets, long Rows, long Files, long Bytes)
{
    /// <summary>A flush that wrote nothing.</summary>
    public static FlushResult Empty { get; } = new([], 0, 0, 0);
}
