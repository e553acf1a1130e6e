using Streaming.Runtime;

namespace Streaming.Runtime.Tests.Support;

/// <summary>Small factories for the topologies the runtime tests use.</summary>
public static class TestTopologies
{
    public const long Hour = 3_600_000;

    /// <summary>
    /// source(input) → judge → late sink (late-topic) | repartition by key "by-key" → window counter → windows sink.
    /// Two sub-topologies; the window counter's watermark is the minimum over all upstream partitions.
    /// </summary>
    public static Topology RepartitionedWindows(string input, string lateTopic, string windowsTopic, long windowMs = Hour, int? repartitionPartitions = null)
    {
        return new TopologyBuilder()
            .AddSource("source", input, Serdes.String, Serdes.Long)
            .AddProcessor("judge", () => new LatenessJudge(windowMs), "source")
            .AddSink("late", lateTopic, Serdes.String, Serdes.String, "judge")
            .AddProcessor("on-time", () => new PassThrough<string, long>(), "judge")
            .AddRepartition("by-key", Serdes.String, Serdes.Long, null, repartitionPartitions, "on-time")
            .AddProcessor("window", () => new TumblingWindowCounter("windows-store", windowMs), "by-key-source")
            .AddStateStore(Stores.WindowStore("windows-store", Serdes.String, Serdes.String), "window")
            .AddSink("windows", windowsTopic, Serdes.String, Serdes.String, "window")
            .Build();
    }

    /// <summary>Count per key: input(string,string) → count store → output(key, count).</summary>
    public static Topology CountPerKey(string input, string output, string storeName = "counts") =>
        new TopologyBuilder()
            .AddSource("source", input, Serdes.String, Serdes.String)
            .AddProcessor("count", () => new CountProcessor(storeName), "source")
            .AddStateStore(Stores.KeyValueStore(storeName, Serdes.String, Serdes.Long), "count")
            .AddSink("sink", output, Serdes.String, Serdes.Long, "count")
            .Build();
}

/// <summary>Forwards every record.</summary>
public sealed class PassThrough<TKey, TValue> : ContextualProcessor<TKey, TValue>
{
    public override void Process(Record<TKey, TValue> record) => Context.Forward(record);
}

/// <summary>Counts records per key in a key-value store and forwards the new count.</summary>
public sealed class CountProcessor(string storeName) : ContextualProcessor<string, string>
{
    private IKeyValueStore<string, long> _counts = null!;

    public override void Init(IProcessorContext context)
    {
        base.Init(context);
        _counts = context.GetStateStore<IKeyValueStore<string, long>>(storeName);
    }

    public override void Process(Record<string, string> record)
    {
        var count = _counts.Get(record.Key) + 1;
        _counts.Put(record.Key, count);
        Context.Forward(new Record<string, long>(record.Key, count, record.Timestamp));
    }
}
