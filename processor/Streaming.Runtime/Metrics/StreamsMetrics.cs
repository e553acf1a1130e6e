using System.Collections.Concurrent;

namespace Streaming.Runtime;

/// <summary>
/// In-process counters and gauges of a running application (or test driver). Written by stream threads, read by
/// anyone through <see cref="Snapshot"/>.
/// </summary>
public sealed class StreamsMetrics
{
    /// <summary>Records read, by topic.</summary>
    public const string RecordsIn = "records-in";

    /// <summary>Records written, by topic (outputs, changelogs, repartition data; not markers or checkpoints).</summary>
    public const string RecordsOut = "records-out";

    /// <summary>Consumer lag, by "topic-partition".</summary>
    public const string Lag = "lag";

    /// <summary>Stream time, by task.</summary>
    public const string StreamTime = "stream-time";

    /// <summary>Watermark, by task.</summary>
    public const string Watermark = "watermark";

    /// <summary>Store entries, by "task/store".</summary>
    public const string StoreEntries = "store-entries";

    /// <summary>Records restored from changelogs, by "task/store".</summary>
    public const string RestoredRecords = "restored-records";

    /// <summary>Restore duration in ms, by task (last restore).</summary>
    public const string RestoreTimeMs = "restore-time-ms";

    /// <summary>Commits (key "").</summary>
    public const string Commits = "commits";

    /// <summary>Sum of commit latencies in ms (key "").</summary>
    public const string CommitLatencyTotalMs = "commit-latency-total-ms";

    /// <summary>Largest commit latency in ms (key "").</summary>
    public const string CommitLatencyMaxMs = "commit-latency-max-ms";

    /// <summary>Wall-clock Unix ms at which this application processed its first record (0 before); key "".</summary>
    public const string FirstRecordAtMs = "first-record-at-ms";

    /// <summary>Records routed by the deserialization handler, by source topic.</summary>
    public const string DeserializationRouted = "deserialization-routed";

    /// <summary>Records skipped by the deserialization handler, by source topic.</summary>
    public const string DeserializationSkipped = "deserialization-skipped";

    private readonly ConcurrentDictionary<(string Name, string Key), StreamsCounter> _values = new();

    internal StreamsCounter Get(string name, string key) => _values.GetOrAdd((name, key), static _ => new StreamsCounter());

    internal void Set(string name, string key, long value) => Get(name, key).Set(value);

    internal void Remove(string name, string key) => _values.TryRemove((name, key), out _);

    /// <summary>A copy of every value: metric name → key → value.</summary>
    public StreamsMetricsSnapshot Snapshot()
    {
        var result = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var ((name, key), counter) in _values)
        {
            if (!result.TryGetValue(name, out var byKey))
            {
                result[name] = byKey = new Dictionary<string, long>(StringComparer.Ordinal);
            }
            byKey[key] = counter.Value;
        }
        return new StreamsMetricsSnapshot(result.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, long>)kv.Value, StringComparer.Ordinal));
    }
}

/// <summary>A 64-bit value updated by one thread and read by others.</summary>
internal sealed class StreamsCounter
{
    private long _value;

    public long Value => Volatile.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Add(long amount) => Interlocked.Add(ref _value, amount);

    public void Set(long value) => Volatile.Write(ref _value, value);

    public void Max(long value)
    {
        long current;
        while (value > (current = Volatile.Read(ref _value)) && Interlocked.CompareExchange(ref _value, value, current) != current)
        {
        }
    }
}
