using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

public sealed class EndOfInputTests
{
    private const long H = TestTopologies.Hour;

    private static Topology Windows() => new TopologyBuilder()
        .AddSource("s", "in", Serdes.String, Serdes.Long)
        .AddProcessor("w", () => new TumblingWindowCounter("ws", H), "s")
        .AddStateStore(Stores.WindowStore("ws", Serdes.String, Serdes.String), "w")
        .AddSink("out", "out", Serdes.String, Serdes.String, "w")
        .Build();

    [Fact]
    public void ShouldEmitWindowOnceWhenWatermarkPassesEnd()
    {
        using var driver = new TopologyTestDriver(Windows());
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);
        var output = driver.CreateOutputTopic("out", Serdes.String, Serdes.String);

        input.PipeInput("a", 5, 1_000);
        input.PipeInput("a", 7, 2_000);
        input.PipeInput("a", 1, H + 9 * 60_000);       // watermark 0:59 → hour 0 still open
        output.ReadKeyValuesToList().Should().BeEmpty();

        input.PipeInput("b", 1, H + 10 * 60_000);      // watermark 1:00 → hour 0 closes
        input.PipeInput("b", 1, H + 11 * 60_000);
        output.ReadKeyValuesToList().Select(kv => $"{kv.Key}={kv.Value}").Should().Equal("a@0=2:12");
    }

    [Fact]
    public void ShouldFlushStillOpenWindowsAtEndOfInput()
    {
        using var driver = new TopologyTestDriver(Windows());
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);
        var output = driver.CreateOutputTopic("out", Serdes.String, Serdes.String);

        input.PipeInput("a", 5, 1_000);
        input.PipeInput("b", 2, H + 1_000);
        input.PipeInput("a", 1, H + 2_000);
        output.IsEmpty.Should().BeTrue();

        driver.EndInput();

        output.ReadKeyValuesToList().Select(kv => $"{kv.Key}={kv.Value}").Should().Equal("a@0=1:5", $"a@{H}=1:1", $"b@{H}=1:2");
        driver.GetWatermark(new TaskId(0, 0)).Should().Be(H + 2_000, "at end of input the watermark is the stream time");
        driver.AllTasksEnded.Should().BeTrue();
        driver.GetWindowStore<string, string>("ws").ApproximateNumEntries.Should().Be(0);
    }

    [Fact]
    public void ShouldEndDownstreamTaskOnlyAfterEveryUpstreamTaskEnded()
    {
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["events"] = 2;
        options.TopicPartitions["by-key"] = 1;
        using var driver = new TopologyTestDriver(TestTopologies.RepartitionedWindows("events", "late", "windows"), options);
        var input = driver.CreateInputTopic("events", Serdes.String, Serdes.Long);
        var windows = driver.CreateOutputTopic("windows", Serdes.String, Serdes.String);

        input.PipeInput("a", 1, 1_000, partition: 0);
        input.PipeInput("a", 2, 2_000, partition: 1);
        driver.EndInput();

        windows.ReadKeyValuesToList().Select(kv => $"{kv.Key}={kv.Value}").Should().Equal("a@0=2:3");
        driver.AllTasksEnded.Should().BeTrue();
    }
}
