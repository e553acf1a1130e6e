using Streaming.Runtime;

namespace Streaming.Bench.Runtime;

/// <summary>The benchmarked topologies.</summary>
internal static class BenchTopologies
{
    public static Topology PassThrough(string input, string output) =>
        new TopologyBuilder()
            .AddSource("source", input, Serdes.ByteArray, Serdes.ByteArray)
            .AddProcessor("pass", () => new Forward(), "source")
            .AddSink("sink", output, Serdes.ByteArray, Serdes.ByteArray, "pass")
            .Build();

    public static Topology CountByKey(string input, string output) =>
        new TopologyBuilder()
            .AddSource("source", input, Serdes.String, Serdes.ByteArray)
            .AddProcessor("count", () => new Count(), "source")
            .AddStateStore(Stores.KeyValueStore("counts", Serdes.String, Serdes.Long), "count")
            .AddSink("sink", output, Serdes.String, Serdes.Long, "count")
            .Build();

    private sealed class Forward : ContextualProcessor<byte[], byte[]>
    {
        public override void Process(Record<byte[], byte[]> record) => Context.Forward(record);
    }

    private sealed class Count : ContextualProcessor<string, byte[]>
    {
        private IKeyValueStore<string, long> _counts = null!;

        public override void Init(IProcessorContext context)
        {
            base.Init(context);
            _counts = context.GetStateStore<IKeyValueStore<string, long>>("counts");
        }

        public override void Process(Record<string, byte[]> record)
        {
            var count = _counts.Get(record.Key) + 1;
            _counts.Put(record.Key, count);
            Context.Forward(new Record<string, long>(record.Key, count, record.Timestamp));
        }
    }
}
