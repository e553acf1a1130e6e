using Confluent.Kafka;

namespace Streaming.Processor.Streams;

/// <summary>
/// Streamiz's main consumer in a bounded run: it never hands Streamiz a record of an input partition at or beyond
/// the run's end offset (<see cref="InputBounds"/>). Such a record is given back (the partition is paused and sought
/// to the record), so Streamiz neither processes it nor commits past it, and the next run reads it.
/// </summary>
/// <remarks>
/// Streamiz has no end offsets of its own, and a record it consumed is committed whether the topology used it or not.
/// Everything but <c>Consume</c> passes through. When Streamiz resumes a paused partition (it pauses and resumes on
/// its buffer size), the record comes back here and is given back again.
/// </remarks>
public sealed class BoundedInputConsumer(IConsumer<byte[], byte[]> inner, InputBounds bounds) : IConsumer<byte[], byte[]>
{
    public ConsumeResult<byte[], byte[]>? Consume(int millisecondsTimeout) => Bounded(inner.Consume(millisecondsTimeout));

    public ConsumeResult<byte[], byte[]>? Consume(CancellationToken cancellationToken = default) => Bounded(inner.Consume(cancellationToken));

    public ConsumeResult<byte[], byte[]>? Consume(TimeSpan timeout) => Bounded(inner.Consume(timeout));

    private ConsumeResult<byte[], byte[]>? Bounded(ConsumeResult<byte[], byte[]>? result)
    {
        if (result is null || result.IsPartitionEOF || !bounds.IsBeyondEnd(result.Topic, result.Partition.Value, result.Offset.Value))
        {
            return result;
        }
        inner.Pause([result.TopicPartition]);
        inner.Seek(result.TopicPartitionOffset);
        return null;
    }

    public Handle Handle => inner.Handle;

    public string Name => inner.Name;

    public string MemberId => inner.MemberId;

    public List<TopicPartition> Assignment => inner.Assignment;

    public List<string> Subscription => inner.Subscription;

    public IConsumerGroupMetadata ConsumerGroupMetadata => inner.ConsumerGroupMetadata;

    public int AddBrokers(string brokers) => inner.AddBrokers(brokers);

    public void SetSaslCredentials(string username, string password) => inner.SetSaslCredentials(username, password);

    public void Subscribe(IEnumerable<string> topics) => inner.Subscribe(topics);

    public void Subscribe(string topic) => inner.Subscribe(topic);

    public void Unsubscribe() => inner.Unsubscribe();

    public void Assign(TopicPartition partition) => inner.Assign(partition);

    public void Assign(TopicPartitionOffset partition) => inner.Assign(partition);

    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => inner.Assign(partitions);

    public void Assign(IEnumerable<TopicPartition> partitions) => inner.Assign(partitions);

    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => inner.IncrementalAssign(partitions);

    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => inner.IncrementalAssign(partitions);

    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => inner.IncrementalUnassign(partitions);

    public void Unassign() => inner.Unassign();

    public void StoreOffset(ConsumeResult<byte[], byte[]> result) => inner.StoreOffset(result);

    public void StoreOffset(TopicPartitionOffset offset) => inner.StoreOffset(offset);

    public List<TopicPartitionOffset> Commit() => inner.Commit();

    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => inner.Commit(offsets);

    public void Commit(ConsumeResult<byte[], byte[]> result) => inner.Commit(result);

    public void Seek(TopicPartitionOffset tpo) => inner.Seek(tpo);

    public void Pause(IEnumerable<TopicPartition> partitions) => inner.Pause(partitions);

    public void Resume(IEnumerable<TopicPartition> partitions) => inner.Resume(partitions);

    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => inner.Committed(timeout);

    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => inner.Committed(partitions, timeout);

    public Offset Position(TopicPartition partition) => inner.Position(partition);

    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) =>
        inner.OffsetsForTimes(timestampsToSearch, timeout);

    public WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => inner.GetWatermarkOffsets(topicPartition);

    public WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => inner.QueryWatermarkOffsets(topicPartition, timeout);

    public void Close() => inner.Close();

    public void Dispose() => inner.Dispose();
}
