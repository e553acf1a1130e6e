using Confluent.Kafka;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres.Tables;

namespace Streaming.Sinks.Postgres;

/// <summary>
/// The records of one batch transaction: rows per table (one decoded record per key), the next
/// offset per partition, and counters. Filled by the loop thread, then written by <see cref="PostgresSink"/> while the
/// next batch fills.
/// </summary>
internal sealed class PostgresBatch
{
    private readonly Dictionary<(string Topic, int Partition), PartitionProgress> _partitions = [];

    public PostgresBatch(DateTimeOffset startedAt)
    {
        StartedAt = startedAt;
    }

    /// <summary>When the first record or skip entered the batch.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The result tables, each buffering its rows.</summary>
    public IUpsertTable[] Tables { get; } = [new CityHourlyTable(), new FlaggedMessagesTable(), new StrikeStatusTable()];

    /// <summary>Records in the batch (before keeping one per key).</summary>
    public int Records { get; private set; }

    /// <summary>Raw value bytes of the records.</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the batch holds nothing to commit.</summary>
    public bool IsEmpty => _partitions.Count == 0;

    /// <exception cref="Streaming.Contracts.Serialization.RecordDecodeException">A value a column cannot hold; nothing was added.</exception>
    public void Append(SinkRecord record)
    {
        var table = Array.Find(Tables, t => t.Accepts(record))
            ?? throw new InvalidOperationException($"record {record.Topic}[{record.Partition}]@{record.Offset} is a {record.Value.GetType().Name}, which has no PostgreSQL table.");
        table.Add(record);
        Count(record.Topic, record.Partition, record.NextOffset, record.RawValue.Length);
    }

    public void Track(TopicPartition partition, long nextOffset) => Progress(partition.Topic, partition.Partition.Value).Advance(nextOffset);

    public void Discard(IReadOnlyCollection<TopicPartition> partitions)
    {
        var dropped = partitions.Select(tp => (tp.Topic, tp.Partition.Value)).ToHashSet();
        foreach (var table in Tables)
        {
            table.Discard(dropped);
        }
        foreach (var key in dropped)
        {
            if (_partitions.Remove(key, out var progress))
            {
                Records -= progress.Records;
                Bytes -= progress.Bytes;
            }
        }
    }

    /// <summary>Next offset to read per partition, once this batch is committed.</summary>
    public IReadOnlyList<TopicPartitionOffset> Offsets() =>
        _partitions.Select(kv => new TopicPartitionOffset(kv.Key.Topic, new Partition(kv.Key.Partition), new Offset(kv.Value.NextOffset))).ToList();

    private void Count(string topic, int partition, long nextOffset, int bytes)
    {
        var progress = Progress(topic, partition);
        progress.Records++;
        progress.Bytes += bytes;
        progress.Advance(nextOffset);
        Records++;
        Bytes += bytes;
    }

    private PartitionProgress Progress(string topic, int partition)
    {
        if (!_partitions.TryGetValue((topic, partition), out var progress))
        {
            progress = new PartitionProgress();
            _partitions[(topic, partition)] = progress;
        }
        return progress;
    }

    // Per source partition of the batch: what it added, and where the partition resumes once the batch commits.
    private sealed class PartitionProgress
    {
        public int Records { get; set; }

        public long Bytes { get; set; }

        public long NextOffset { get; private set; } = -1;

        public void Advance(long nextOffset) => NextOffset = Math.Max(NextOffset, nextOffset);
    }
}
