namespace Streaming.Runtime;

/// <summary>A topic of the test driver: one append-only log per partition, plus the global append order.</summary>
internal sealed class InMemoryTopic
{
    private readonly List<RawRecord>[] _partitions;
    private int _roundRobin;

    public InMemoryTopic(string name, int partitions)
    {
        Name = name;
        _partitions = Enumerable.Range(0, partitions).Select(_ => new List<RawRecord>()).ToArray();
    }

    public string Name { get; }

    public int PartitionCount => _partitions.Length;

    /// <summary>All records in the order they were appended.</summary>
    public List<RawRecord> AppendOrder { get; } = [];

    public IReadOnlyList<RawRecord> Partition(int partition) => _partitions[partition];

    public RawRecord Append(int partition, byte[]? key, byte[]? value, Confluent.Kafka.Headers? headers, long timestamp)
    {
        if (partition < 0)
        {
            partition = _roundRobin++ % _partitions.Length;
        }
        if (partition >= _partitions.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), partition, $"topic '{Name}' has {_partitions.Length} partitions.");
        }
        var log = _partitions[partition];
        var record = new RawRecord(Name, partition, log.Count, timestamp, key, value, headers);
        log.Add(record);
        AppendOrder.Add(record);
        return record;
    }
}
