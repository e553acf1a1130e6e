using Confluent.Kafka;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// A destination driven by <see cref="DeliveryLoop"/>: it buffers records, writes them durably together with the
/// offsets it consumed, and tells the loop where to resume.
/// </summary>
/// <remarks>
/// Every member is called on the loop's thread, including from Kafka's rebalance callbacks (which run inside
/// <c>Consume</c>); implementations need no locking. Offsets exchanged here are always "next offset to read".
/// </remarks>
public interface ISink
{
    /// <summary>
    /// The stored resume positions of the given partitions (next offset to read). Partitions the sink has never written
    /// are left out; the loop then falls back to the group's committed offsets, then to the earliest offset.
    /// </summary>
    Task<IReadOnlyDictionary<TopicPartition, long>> ReadStoredOffsetsAsync(IReadOnlyCollection<TopicPartition> partitions, CancellationToken cancellationToken = default);

    /// <summary>Buffers a decoded record.</summary>
    void Append(SinkRecord record);

    /// <summary>
    /// Marks a record that will not be written (it was rejected to <c>sink.rejected</c>): the partition's stored offset
    /// must still move past it at the next flush, so a restart does not reject it again.
    /// </summary>
    void Skip(TopicPartition partition, long offset);

    /// <summary>Whether a bound (count, bytes, time, hour close) says the buffer should be flushed now.</summary>
    bool IsFlushDue(DateTimeOffset now);

    /// <summary>
    /// Writes what is buffered and stores the offsets with it. With <paramref name="all"/> it returns once everything
    /// buffered is durable; without, a sink may write only the part that is due, or leave a write running in the
    /// background. Either way the returned offsets cover only data that is already durable. Transient failures are
    /// retried inside; it throws only for a fatal error (the caller then exits without committing anything).
    /// </summary>
    Task<FlushResult> FlushAsync(bool all, CancellationToken cancellationToken = default);

    /// <summary>Drops buffered, unwritten records of partitions this member lost (another member will re-read them).</summary>
    void Discard(IReadOnlyCollection<TopicPartition> partitions);
}
