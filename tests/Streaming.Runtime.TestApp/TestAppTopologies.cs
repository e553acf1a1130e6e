using Streaming.Runtime;

namespace Streaming.Runtime.TestApp;

/// <summary>The topologies the runtime's broker tests run in a child process.</summary>
public static class TestAppTopologies
{
    public const long WindowMs = 10 * 60_000;

    /// <summary>Count per key: input (string, string) → store "counts" → output (key, count as long).</summary>
    public static Topology CountPerKey(string input, string output) =>
        new TopologyBuilder()
            .AddSource("source", input, Serdes.String, Serdes.String)
            .AddProcessor("count", () => new CountProcessor(), "source")
            .AddStateStore(Stores.KeyValueStore("counts", Serdes.String, Serdes.Long), "count")
            .AddSink("sink", output, Serdes.String, Serdes.Long, "count")
            .Build();

    /// <summary>Pass-through: input → output unchanged (bytes).</summary>
    public static Topology PassThrough(string input, string output) =>
        new TopologyBuilder()
            .AddSource("source", input, Serdes.ByteArray, Serdes.ByteArray)
            .AddProcessor("pass", () => new Forward<byte[], byte[]>(), "source")
            .AddSink("sink", output, Serdes.ByteArray, Serdes.ByteArray, "pass")
            .Build();

    /// <summary>
    /// Lateness judged at the source partition (late records → "{output}.late"), on-time records repartitioned by
    /// key, counted and summed per key in 10-minute tumbling windows downstream, each window emitted once when the
    /// downstream (minimum) watermark passes its end or at end of input, to "{output}" as "key@start" → "count:sum".
    /// </summary>
    public static Topology RepartitionedWindows(string input, string output) =>
        new TopologyBuilder()
            .AddSource("source", input, Serdes.String, Serdes.Long)
            .AddProcessor("judge", () => new LatenessJudge(WindowMs), "source")
            .AddSink("late", output + ".late", Serdes.String, Serdes.String, "judge")
            .AddProcessor("on-time", () => new Forward<string, long>(), "judge")
            .AddRepartition("by-key", Serdes.String, Serdes.Long, "on-time")
            .AddProcessor("window", () => new WindowCounter(WindowMs), "by-key-source")
            .AddStateStore(Stores.WindowStore("window-store", Serdes.String, Serdes.String), "window")
            .AddSink("windows", output, Serdes.String, Serdes.String, "window")
            .Build();

    private sealed class Forward<TKey, TValue> : ContextualProcessor<TKey, TValue>
    {
        public override void Process(Record<TKey, TValue> record) => Context.Forward(record);
    }

    private sealed class CountProcessor : ContextualProcessor<string, string>
    {
        private IKeyValueStore<string, long> _counts = null!;

        public override void Init(IProcessorContext context)
        {
            base.Init(context);
            _counts = context.GetStateStore<IKeyValueStore<string, long>>("counts");
        }

        public override void Process(Record<string, string> record)
        {
            var count = _counts.Get(record.Key) + 1;
            _counts.Put(record.Key, count);
            Context.Forward(new Record<string, long>(record.Key, count, record.Timestamp));
        }
    }

    private sealed class LatenessJudge(long sizeMs) : ContextualProcessor<string, long>
    {
        public override void Process(Record<string, long> record)
        {
            var end = record.Timestamp - (record.Timestamp % sizeMs) + sizeMs;
            if (end <= Context.SourcePartitionWatermark)
            {
                Context.ExcludeCurrentRecordFromStreamTime();
                Context.Forward(record.WithValue($"p{Context.RecordMetadata!.Partition}:late:{record.Value}@{record.Timestamp} wm={Context.SourcePartitionWatermark}"), "late");
                return;
            }
            Context.Forward(record, "on-time");
        }
    }

    private sealed class WindowCounter(long sizeMs) : ContextualProcessor<string, long>
    {
        private IWindowStore<string, string> _store = null!;

        public override void Init(IProcessorContext context)
        {
            base.Init(context);
            _store = context.GetStateStore<IWindowStore<string, string>>("window-store");
        }

        public override void Process(Record<string, long> record)
        {
            var start = record.Timestamp - (record.Timestamp % sizeMs);
            var (count, sum) = (0L, 0L);
            if (_store.TryFetch(record.Key, start, out var current))
            {
                var sep = current.IndexOf(':');
                (count, sum) = (long.Parse(current[..sep]), long.Parse(current[(sep + 1)..]));
            }
            _store.Put(record.Key, $"{count + 1}:{sum + record.Value}", start);
        }

        public override void OnWatermark(long watermark) => Emit(watermark);

        public override void OnEndOfInput() => Emit(long.MaxValue);

        private void Emit(long watermark)
        {
            foreach (var entry in _store.All().Where(e => watermark == long.MaxValue || e.WindowStart + sizeMs <= watermark)
                .OrderBy(e => e.WindowStart).ThenBy(e => e.Key, StringComparer.Ordinal).ToList())
            {
                Context.Forward(new Record<string, string>($"{entry.Key}@{entry.WindowStart}", entry.Value, entry.WindowStart + sizeMs - 1));
                _store.Delete(entry.Key, entry.WindowStart);
            }
        }
    }
}
