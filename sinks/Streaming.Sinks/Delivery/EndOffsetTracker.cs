using Confluent.Kafka;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// Bounded mode: the end offsets (high watermarks) captured at start, and each assigned partition's read position.
/// The run is complete when every assigned partition's position reached its captured end.
/// </summary>
/// <remarks>
/// Positions move on every consumed record and on partition-EOF events; the latter matter because a transaction's commit
/// marker sits at the end offset and is never delivered as a record.
/// </remarks>
public sealed class EndOffsetTracker
{
    private readonly Dictionary<TopicPartition, long> _ends;
    private readonly Dictionary<TopicPartition, long> _positions = [];

    /// <summary>Creates the tracker over the captured end offsets.</summary>
    public EndOffsetTracker(IReadOnlyDictionary<TopicPartition, long> endOffsets)
    {
        ArgumentNullException.ThrowIfNull(endOffsets);
        _ends = new Dictionary<TopicPartition, long>(endOffsets);
    }

    /// <summary>The captured end offsets.</summary>
    public IReadOnlyDictionary<TopicPartition, long> EndOffsets => _ends;

    /// <summary>Whether at least one assignment happened (completion needs one).</summary>
    public bool HasAssignment { get; private set; }

    /// <summary>
    /// Captures the end offsets of every partition of <paramref name="topics"/>. Metadata goes through the consumer's
    /// own handle (a dependent admin client: no second client to connect, and none to tear down, which costs librdkafka
    /// a tenth of a second or more), and the partitions' high watermarks are queried concurrently.
    /// </summary>
    /// <exception cref="KafkaException">A metadata or watermark query failed or timed out.</exception>
    public static EndOffsetTracker Capture(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<string> topics, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(topics);
        var partitions = new List<TopicPartition>();
        using (var admin = new DependentAdminClientBuilder(consumer.Handle).Build())
        {
            foreach (var topic in topics)
            {
                var metadata = admin.GetMetadata(topic, timeout);
                partitions.AddRange(metadata.Topics.Where(t => t.Topic == topic && !t.Error.IsError)
                    .SelectMany(t => t.Partitions.Select(p => new TopicPartition(topic, new Partition(p.PartitionId)))));
            }
        }
        // Each query waits on its partition leader; librdkafka serves them in parallel.
        var queries = partitions.Select(tp => Task.Run(() => (tp, consumer.QueryWatermarkOffsets(tp, timeout).High.Value))).ToArray();
        try
        {
            Task.WaitAll(queries);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0 && ex.InnerExceptions[0] is KafkaException first)
        {
            throw first;
        }
        return new EndOffsetTracker(queries.ToDictionary(q => q.Result.tp, q => q.Result.Value));
    }

    /// <summary>The captured end of a partition; a partition created after the start has nothing to read (end 0).</summary>
    public long EndOf(TopicPartition partition) => _ends.TryGetValue(partition, out var end) ? end : 0;

    /// <summary>Records the start positions of newly assigned partitions.</summary>
    public void Assigned(IEnumerable<TopicPartitionOffset> starts)
    {
        HasAssignment = true;
        foreach (var start in starts)
        {
            _positions[start.TopicPartition] = start.Offset.Value;
        }
    }

    /// <summary>Forgets revoked partitions.</summary>
    public void Revoked(IEnumerable<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            _positions.Remove(tp);
        }
    }

    /// <summary>Moves a partition's position forward (never back).</summary>
    public void Advance(TopicPartition partition, long nextOffset)
    {
        if (!_positions.TryGetValue(partition, out var current) || nextOffset > current)
        {
            _positions[partition] = nextOffset;
        }
    }

    /// <summary>Whether a record at <paramref name="offset"/> lies beyond the captured end (it belongs to a later run).</summary>
    public bool IsBeyondEnd(TopicPartition partition, long offset) => offset >= EndOf(partition);

    /// <summary>Whether a partition's position reached its captured end.</summary>
    public bool IsAtEnd(TopicPartition partition) =>
        _positions.TryGetValue(partition, out var position) && position >= EndOf(partition);

    /// <summary>Whether every assigned partition reached its captured end.</summary>
    public bool IsComplete => HasAssignment && _positions.Keys.All(IsAtEnd);

    /// <summary>Partitions still short of their end, as <c>topic[p] position/end</c>, for logs.</summary>
    public string DescribeRemaining() =>
        string.Join(", ", _positions.Where(kv => kv.Value < EndOf(kv.Key)).Select(kv => $"{kv.Key.Topic}[{kv.Key.Partition.Value}] {kv.Value}/{EndOf(kv.Key)}"));
}
