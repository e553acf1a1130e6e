using Confluent.Kafka;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres.Tables;

namespace Streaming.Sinks.Postgres;

/// <summary>
/// The records of one batch transaction: rows per table (one per key), the next offset per partition, and counters.
/// Filled by the loop thread, then written by <see cref="PostgresSink"/> while the next batch fills.
/// </summary>
internal sealed class PostgresBatch
{
    private readonly Dictionary<TopicPartition, (int Records, long Bytes)> _byPartition = [];

    public PostgresBatch(DateTimeOffset startedAt)
    {
        StartedAt = startedAt;
    }

    /// <summary>When the first record or skip entered the batch.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The result tables, each buffering its rows.</summary>
    public IUpsertTable[] Tables { get; } = [new CityHourlyTable(), new FlaggedMessagesTable(), new StrikeStatusTable()];

    /// <summary>Next offset to read per partition, once this batch is committed.</summary>
    public Dictionary<TopicPartition, long> NextOffsets { get; } = [];

    /// <summary>Records in the batch (before keeping one per key).</summary>
    public int Records { get; private set; }

    /// <summary>Raw value bytes of the records.</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the batch holds nothing to commit.</summary>
    public bool IsEmpty => NextOffsets.Count == 0;

    public void Append(SinkRecord record)
    {
        var table = Array.Find(Tables, t => t.Accepts(record))
            ?? throw new InvalidOperationException($"record {record.Topic}[{record.Partition}]@{record.Offset} is a {record.Value.GetType().Name}, which has no PostgreSQL table.");
        table.Add(record);
        Records++;
        Bytes += record.RawValue.Length;
        var (records, bytes) = _byPartition.GetValueOrDefault(record.TopicPartition);
        _byPartition[record.TopicPartition] = (records + 1, bytes + record.RawValue.Length);
        Track(record.TopicPartition, record.NextOffset);
    }

    public void Track(TopicPartition partition, long nextOffset)
    {
        if (!NextOffsets.TryGetValue(partition, out var current) || nextOffset > current)
        {
            NextOffsets[partition] = nextOffset;
        }
    }

    public void Discard(IReadOnlyCollection<TopicPartition> partitions)
    {
        var dropped = partitions.Select(tp => (tp.Topic, tp.Partition.Value)).ToHashSet();
        foreach (var table in Tables)
        {
            table.Discard(dropped);
        }
        foreach (var tp in partitions)
        {
            NextOffsets.Remove(tp);
            if (_byPartition.Remove(tp, out var counts))
            {
                Records -= counts.Records;
                Bytes -= counts.Bytes;
            }
        }
    }

    public IReadOnlyList<TopicPartitionOffset> Offsets() =>
        NextOffsets.Select(kv => new TopicPartitionOffset(kv.Key, new Offset(kv.Value))).ToList();
}
