using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

public sealed class TopologyBuilderTests
{
    [Fact]
    public void ShouldSplitSubTopologiesAtRepartitionTopics()
    {
        var topology = TestTopologies.RepartitionedWindows("events", "late", "windows");

        topology.SubTopologies.Should().HaveCount(2);
        topology.SubTopologies[0].NodeNames.Should().Equal("source", "judge", "late", "on-time", "by-key-sink");
        topology.SubTopologies[1].NodeNames.Should().Equal("by-key-source", "window", "windows");
        topology.SubTopologies[0].SourceTopics("app").Should().Equal("events");
        topology.SubTopologies[1].SourceTopics("app").Should().Equal("app-by-key-repartition");
        topology.SubTopologies[1].StoreNames.Should().Equal("windows-store");
        topology.RepartitionTopics("app").Should().Equal("app-by-key-repartition");
    }

    [Fact]
    public void ShouldDescribeLikeKafkaStreams()
    {
        var text = TestTopologies.CountPerKey("in", "out").Describe();

        text.Should().Be(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: source (topics: [in])\n" +
            "      --> count\n" +
            "    Processor: count (stores: [counts])\n" +
            "      --> sink\n" +
            "      <-- source\n" +
            "    Sink: sink (topic: out)\n" +
            "      <-- count\n" +
            "\n");
    }

    [Fact]
    public void ShouldRejectUnknownParentNamingIt()
    {
        var act = () => new TopologyBuilder().AddProcessor("p", () => new PassThrough<string, string>(), "nope");

        act.Should().Throw<ArgumentException>().WithMessage("*parent 'nope' of node 'p'*");
    }

    [Fact]
    public void ShouldRejectStoreConnectedToUnknownProcessor()
    {
        var builder = new TopologyBuilder()
            .AddSource("s", "in", Serdes.String, Serdes.String)
            .AddStateStore(Stores.KeyValueStore("st", Serdes.String, Serdes.Long), "ghost");

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*'st'*'ghost'*");
    }

    [Fact]
    public void ShouldPutProcessorsSharingAStoreInOneSubTopology()
    {
        var topology = new TopologyBuilder()
            .AddSource("a", "in-a", Serdes.String, Serdes.String)
            .AddSource("b", "in-b", Serdes.String, Serdes.String)
            .AddProcessor("pa", () => new CountProcessor("shared"), "a")
            .AddProcessor("pb", () => new CountProcessor("shared"), "b")
            .AddStateStore(Stores.KeyValueStore("shared", Serdes.String, Serdes.Long), "pa", "pb")
            .Build();

        topology.SubTopologies.Should().ContainSingle().Which.SourceTopics("x").Should().Equal("in-a", "in-b");
    }
}
