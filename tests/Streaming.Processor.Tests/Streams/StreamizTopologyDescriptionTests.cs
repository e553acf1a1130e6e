using FluentAssertions;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Processor.Streams;
using Streaming.Processor.Topology;
using Xunit;

using Streaming.TestSupport;

namespace Streaming.Processor.Tests.Streams;

public sealed class StreamizTopologyDescriptionTests
{
    [Fact]
    public void ShouldDescribeThreeSubTopologiesWithTheNamedRepartitionTopicAndStores()
    {
        var topology = StreamizPipelineTopology.Build(
            new ProcessorOptions(), DevRegistry.Serdes, new MarkedWordMatcher(["darn"]),
            PipelineTopics.Default, new RunSummary(), CityRepartitionLayout.Single, new InputBounds());
        var description = topology.Describe();
        var text = description.ToString();

        description.SubTopologies.Should().HaveCount(3);
        text.Should().Contain("trips-by-city-repartition");
        foreach (var store in new[]
                 {
                     StreamizPipelineTopology.TripClockStore, StreamizPipelineTopology.TripDedupStore, StreamizPipelineTopology.TripPartialStore,
                     StreamizPipelineTopology.CityWindowStore, StreamizPipelineTopology.CityUpstreamMarkStore,
                     StreamizPipelineTopology.MessageClockStore, StreamizPipelineTopology.MessageDedupStore, StreamizPipelineTopology.StrikeLedgerStore,
                 })
        {
            text.Should().Contain(store);
        }
    }
}
