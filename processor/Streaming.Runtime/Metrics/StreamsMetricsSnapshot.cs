namespace Streaming.Runtime;

/// <summary>A point-in-time copy of <see cref="StreamsMetrics"/>: metric name → key → value.</summary>
public sealed class StreamsMetricsSnapshot(IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> values)
{
    /// <summary>All values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Values { get; } = values;

    /// <summary>One value, or 0 when absent.</summary>
    public long Get(string name, string key = "") => Values.TryGetValue(name, out var byKey) && byKey.TryGetValue(key, out var value) ? value : 0;

    /// <summary>All keys of one metric.</summary>
    public IReadOnlyDictionary<string, long> All(string name) => Values.TryGetValue(name, out var byKey) ? byKey : new Dictionary<string, long>();

    /// <summary>Sum over the keys of one metric.</summary>
    public long Sum(string name) => All(name).Values.Sum();
}
