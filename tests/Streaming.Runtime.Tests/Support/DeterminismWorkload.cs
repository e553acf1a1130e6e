namespace Streaming.Runtime.Tests.Support;

/// <summary>
/// Input and oracle for the watermark determinism tests: a fast and a slow partition with jittered, partly late event
/// times, random interleavings that keep each partition's order, and the expected outcome computed per partition
/// without the runtime.
/// </summary>
public static class DeterminismWorkload
{
    public const long WindowMs = 10 * 60_000;

    /// <summary>2025-06-15T12:00Z: Kafka clients replace timestamp 0 with "now", so event times start here.</summary>
    public const long BaseTime = 1_749_988_800_000;

    public sealed record Input(int Partition, string Key, long Value, long Timestamp);

    public sealed record Outcome(Dictionary<string, string> Windows, List<string> Late)
    {
        public static Outcome From(IEnumerable<KeyValuePair<string, string>> windows, IEnumerable<(string Key, string Value)> late)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in windows)
            {
                if (!map.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"window {key} was emitted twice ({map[key]} and {value}).");
                }
            }
            // Lateness decisions are per source partition, in that partition's order.
            // The value starts with "p{source partition}:", so a stable sort keeps each partition's order.
            return new Outcome(map, late.Select(l => $"{l.Value}:{l.Key}").OrderBy(l => l[..l.IndexOf(':')], StringComparer.Ordinal).ToList());
        }
    }

    public static List<Input> Generate(int seed, int fastCount, int slowCount)
    {
        var random = new Random(seed);
        var result = new List<Input>();
        // Partition 0 is fast (covers 6 hours densely); partition 1 is slow (covers the same 6 hours sparsely).
        foreach (var (partition, count) in new[] { (0, fastCount), (1, slowCount) })
        {
            var span = 6 * 3_600_000L;
            for (var i = 0; i < count; i++)
            {
                var baseTime = span * i / count;
                // Mostly in order, some records 5–40 minutes behind (late when beyond 10 minutes of lateness + window).
                var jitter = random.NextDouble() < 0.12 ? -random.Next(5, 40) * 60_000L : random.Next(0, 60_000);
                var ts = BaseTime + Math.Max(0, baseTime + jitter);
                result.Add(new Input(partition, $"g{random.Next(3)}", random.Next(1, 100), ts));
            }
        }
        return result;
    }

    /// <summary>A random merge of the two partitions' sequences; every few runs one partition runs entirely first.</summary>
    public static List<Input> Interleave(IReadOnlyList<Input> inputs, Random random, int run)
    {
        var p0 = new Queue<Input>(inputs.Where(i => i.Partition == 0));
        var p1 = new Queue<Input>(inputs.Where(i => i.Partition == 1));
        var result = new List<Input>();
        var bias = run % 4 == 0 ? 1.0 : run % 4 == 1 ? 0.0 : random.NextDouble();
        while (p0.Count > 0 || p1.Count > 0)
        {
            var takeFirst = p1.Count == 0 || (p0.Count > 0 && random.NextDouble() < bias);
            result.Add(takeFirst ? p0.Dequeue() : p1.Dequeue());
        }
        return result;
    }

    public static Outcome Expected(IReadOnlyList<Input> inputs, TimeSpan allowedLateness, long windowMs)
    {
        var windows = new SortedDictionary<string, (long Count, long Sum)>(StringComparer.Ordinal);
        var late = new List<(string, string)>();
        foreach (var partition in new[] { 0, 1 })
        {
            var streamTime = long.MinValue;
            foreach (var input in inputs.Where(i => i.Partition == partition))
            {
                var watermark = streamTime == long.MinValue ? long.MinValue : streamTime - (long)allowedLateness.TotalMilliseconds;
                var start = input.Timestamp - (input.Timestamp % windowMs);
                if (start + windowMs <= watermark)
                {
                    late.Add((input.Key, $"p{partition}:late:{input.Value}@{input.Timestamp} wm={watermark}"));
                    continue;
                }
                streamTime = Math.Max(streamTime, input.Timestamp);
                var key = $"{input.Key}@{start}";
                var current = windows.GetValueOrDefault(key);
                windows[key] = (current.Count + 1, current.Sum + input.Value);
            }
        }
        return Outcome.From(windows.Select(w => new KeyValuePair<string, string>(w.Key, $"{w.Value.Count}:{w.Value.Sum}")), late);
    }
}
