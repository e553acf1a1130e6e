using Confluent.Kafka;

namespace Streaming.Sinks.Delivery;

/// <summary>A decoded source record handed to a sink.</summary>
/// <param name="Topic">Source topic.</param>
/// <param name="Partition">Source partition.</param>
/// <param name="Offset">Offset of the record in its partition.</param>
/// <param name="Timestamp">Kafka record timestamp, UTC epoch milliseconds.</param>
/// <param name="Key">Raw key bytes, or null.</param>
/// <param name="RawValue">Raw value bytes as read (Confluent-framed Avro).</param>
/// <param name="Value">
/// The decoded value: a contract event (<c>CityHourly</c>, <c>FlaggedMessage</c>, <c>StrikeStatus</c>, <c>TripEvent</c>,
/// <c>MessageEvent</c>, <c>TripLate</c>, <c>MessageLate</c>, <c>Rejected</c>) or a generic Avro value for other topics.
/// </param>
public sealed record SinkRecord(
    string Topic,
    int Partition,
    long Offset,
    long Timestamp,
    byte[]? Key,
    byte[] RawValue,
    object Value)
{
    /// <summary>The source topic and partition.</summary>
    public TopicPartition TopicPartition => new(Topic, new Partition(Partition));

    /// <summary>The offset to store once this record is written: <see cref="Offset"/> + 1.</summary>
    public long NextOffset => Offset + 1;
}
