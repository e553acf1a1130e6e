using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

public sealed class RepartitionWatermarkTests
{
    private const long Min = 60_000;

    private static (TopologyTestDriver Driver, List<RecordingProcessor<string, long>> Downstream) Create(int upstreamPartitions, int repartitionPartitions)
    {
        var downstream = new List<RecordingProcessor<string, long>>();
        var topology = new TopologyBuilder()
            .AddSource("source", "in", Serdes.String, Serdes.Long)
            .AddRepartition("rekey", Serdes.String, Serdes.Long, null, repartitionPartitions, "source")
            .AddProcessor("down", () =>
            {
                var recorder = new RecordingProcessor<string, long>();
                downstream.Add(recorder);
                return recorder;
            }, "rekey-source")
            .Build();
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["in"] = upstreamPartitions;
        return (new TopologyTestDriver(topology, options), downstream);
    }

    [Fact]
    public void ShouldKeepMinimumWatermarkOverAllUpstreamPartitions()
    {
        var (driver, _) = Create(upstreamPartitions: 2, repartitionPartitions: 1);
        using var _ = driver;
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);
        var downstreamTask = new TaskId(1, 0);

        input.PipeInput("k", 1, 60 * Min, partition: 0);
        driver.GetWatermark(new TaskId(0, 0)).Should().Be(50 * Min);
        driver.GetWatermark(downstreamTask).Should().Be(long.MinValue, "upstream partition 1 has not reported a watermark");

        input.PipeInput("k", 1, 30 * Min, partition: 1);
        driver.GetWatermark(downstreamTask).Should().Be(20 * Min);

        input.PipeInput("k", 1, 120 * Min, partition: 0);
        driver.GetWatermark(downstreamTask).Should().Be(20 * Min, "the slow partition holds the minimum");

        input.PipeInput("k", 1, 90 * Min, partition: 1);
        driver.GetWatermark(downstreamTask).Should().Be(80 * Min);
    }

    [Fact]
    public void ShouldNeverShowMarkersToProcessors()
    {
        var (driver, downstream) = Create(upstreamPartitions: 2, repartitionPartitions: 2);
        using var _ = driver;
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);

        for (var i = 0; i < 20; i++)
        {
            input.PipeInput($"k{i}", i, i * Min, partition: i % 2);
        }
        driver.EndInput();

        var repartition = "test-app-rekey-repartition";
        var raw = driver.RawLog(repartition, 0).Concat(driver.RawLog(repartition, 1)).ToList();
        var markers = raw.Count(r => WatermarkMarker.IsMarker(r.Headers));
        markers.Should().BeGreaterThan(20, "each upstream task sends a marker to both partitions whenever its watermark advances, plus end markers");
        (raw.Count - markers).Should().Be(20);
        var seen = downstream.SelectMany(d => d.Records).ToList();
        seen.Should().HaveCount(20);
        seen.Select(r => r.Value).Order().Should().Equal(Enumerable.Range(0, 20).Select(i => (long)i));
        downstream.Select(d => d.EndOfInputCalls).Should().Equal(1, 1);
    }
}
