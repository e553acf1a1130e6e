using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

public sealed class StoreAndErrorTests
{
    [Fact]
    public void ShouldLogLatestValuePerKeyToChangelogAtCommit()
    {
        using var driver = new TopologyTestDriver(TestTopologies.CountPerKey("in", "out"));
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.String);

        input.PipeInput("a", "x", 1);
        input.PipeInput("a", "x", 2);
        input.PipeInput("b", "x", 3);

        driver.GetKeyValueStore<string, long>("counts").Get("a").Should().Be(2);
        driver.CreateOutputTopic("out", Serdes.String, Serdes.Long).ReadKeyValuesToList().Select(kv => $"{kv.Key}={kv.Value}").Should().Equal("a=1", "a=2", "b=1");
        driver.CreateOutputTopic("test-app-counts-changelog", Serdes.String, Serdes.Long).ReadKeyValuesToList().Select(kv => $"{kv.Key}={kv.Value}")
            .Should().Equal("a=1", "a=2", "b=1"); // the driver commits after every input record
    }

    [Fact]
    public void ShouldExpireKeyValueEntriesWhenWatermarkPassesRetention()
    {
        var topology = new TopologyBuilder()
            .AddSource("s", "in", Serdes.String, Serdes.String)
            .AddProcessor("dedup", () => new RememberProcessor(), "s")
            .AddStateStore(Stores.KeyValueStore("seen", Serdes.String, Serdes.Long).WithRetention(TimeSpan.FromHours(1), (_, ts) => ts), "dedup")
            .Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.String);
        var store = driver.GetKeyValueStore<string, long>("seen");

        input.PipeInput("old", "", 0);
        input.PipeInput("new", "", 60 * 60_000 + 9 * 60_000);   // watermark 59 min
        store.TryGet("old", out _).Should().BeTrue();
        input.PipeInput("newer", "", 60 * 60_000 + 10 * 60_000); // watermark 60 min = 0 + retention
        store.TryGet("old", out _).Should().BeFalse();
        store.ApproximateNumEntries.Should().Be(2);
        driver.CreateOutputTopic("test-app-seen-changelog", Serdes.String, Serdes.ByteArray).ReadRecordsToList()
            .Where(r => r.Key == "old").Select(r => r.Value is null).Should().Equal(false, true);
    }

    [Fact]
    public void ShouldRouteUndeserializableRecordToNamedTopicWithoutAdvancingStreamTime()
    {
        var failing = Serdes.From<long>(_ => throw new NotSupportedException(), bytes => bytes.Length == 8 ? BitConverter.ToInt64(bytes) : throw new FormatException($"bad length {bytes.Length}"));
        var topology = new TopologyBuilder()
            .AddSource("s", ["in"], Serdes.String.Deserializer, failing.Deserializer, null, DeserializationExceptionHandlers.RouteRawTo("in.rejected", "undecodable"))
            .AddProcessor("p", () => new PassThrough<string, long>(), "s")
            .AddSink("out", "out", Serdes.String.Serializer, Serdes.Long.Serializer, "p")
            .Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.ByteArray);

        input.PipeInput("bad", [1, 2, 3], 5_000);
        input.PipeInput("good", BitConverter.GetBytes(7L), 1_000);

        var rejected = driver.CreateOutputTopic("in.rejected", Serdes.String, Serdes.ByteArray).ReadRecordsToList();
        rejected.Should().ContainSingle();
        rejected[0].Key.Should().Be("bad");
        rejected[0].Value.Should().Equal(1, 2, 3);
        System.Text.Encoding.UTF8.GetString(rejected[0].Headers!.GetLastBytes("reason")).Should().Be("undecodable");
        System.Text.Encoding.UTF8.GetString(rejected[0].Headers!.GetLastBytes("source.offset")).Should().Be("0");
        driver.CreateOutputTopic("out", Serdes.String, Serdes.Long).ReadValuesToList().Should().Equal(7);
        driver.GetStreamTime(new TaskId(0, 0)).Should().Be(1_000);
        driver.Metrics.Snapshot().Get(StreamsMetrics.DeserializationRouted, "in").Should().Be(1);
    }

    [Fact]
    public void ShouldFailTaskWithRecordCoordinatesWhenProcessorThrows()
    {
        var topology = new TopologyBuilder()
            .AddSource("s", "in", Serdes.String, Serdes.String)
            .AddProcessor("boom", () => new ThrowingProcessor(), "s")
            .Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.String);
        input.PipeInput("a", "fine", 1);

        var act = () => input.PipeInput("a", "explode", 2);

        act.Should().Throw<StreamsException>()
            .WithMessage("Exception caught in process of processor 'boom' in task 0_0 at topic=in partition=0 offset=1: value 'explode' is not allowed")
            .WithInnerException<InvalidOperationException>();
    }

    [Fact]
    public void ShouldRejectForwardOfWrongTypeNamingBothNodes()
    {
        var topology = new TopologyBuilder()
            .AddSource("s", "in", Serdes.String, Serdes.String)
            .AddProcessor<string, long>("typed", () => new PassThrough<string, long>(), "s")
            .Build();
        using var driver = new TopologyTestDriver(topology);

        var act = () => driver.CreateInputTopic("in", Serdes.String, Serdes.String).PipeInput("a", "b", 1);

        act.Should().Throw<StreamsException>().WithMessage("processor 's' forwarded Record<String,String> to 'typed', which takes Record<String,Int64>.");
    }

    [Fact]
    public void ShouldPartitionLikeJavaMurmur2()
    {
        // Reference values from the Java client: Utils.toPositive(Utils.murmur2("key".getBytes())) % n.
        Murmur2Partitioner.Murmur2("21"u8).Should().Be(-973932308);
        Murmur2Partitioner.Murmur2("foobar"u8).Should().Be(-790332482);
        Murmur2Partitioner.Murmur2("a-little-bit-long-string"u8).Should().Be(-985981536);
        Murmur2Partitioner.Murmur2("a-little-bit-longer-string"u8).Should().Be(-1486304829);
        Murmur2Partitioner.Murmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"u8).Should().Be(-58897971);
        Murmur2Partitioner.Murmur2(new byte[] { (byte)'a', (byte)'b', (byte)'c' }).Should().Be(479470107);
    }

    private sealed class RememberProcessor : ContextualProcessor<string, string>
    {
        private IKeyValueStore<string, long> _seen = null!;

        public override void Init(IProcessorContext context)
        {
            base.Init(context);
            _seen = context.GetStateStore<IKeyValueStore<string, long>>("seen");
        }

        public override void Process(Record<string, string> record) => _seen.Put(record.Key, record.Timestamp);
    }

    private sealed class ThrowingProcessor : ContextualProcessor<string, string>
    {
        public override void Process(Record<string, string> record)
        {
            if (record.Value == "explode")
            {
                throw new InvalidOperationException($"value '{record.Value}' is not allowed");
            }
        }
    }
}
