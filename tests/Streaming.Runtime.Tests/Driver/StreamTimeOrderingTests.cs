using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

public sealed class StreamTimeOrderingTests
{
    private static (TopologyTestDriver Driver, RecordingProcessor<string, long> Recorder) CreateTwoTopicTask(TimeSpan maxTaskIdle)
    {
        var recorder = new RecordingProcessor<string, long>();
        var topology = new TopologyBuilder()
            .AddSource("source", ["a", "b"], Serdes.String.Deserializer, Serdes.Long.Deserializer)
            .AddProcessor("rec", () => recorder, "source")
            .Build();
        var driver = new TopologyTestDriver(topology, new TopologyTestDriverOptions { MaxTaskIdle = maxTaskIdle });
        return (driver, recorder);
    }

    [Fact]
    public void ShouldProcessSmallestTimestampFirstAcrossTwoInputPartitions()
    {
        var (driver, recorder) = CreateTwoTopicTask(TimeSpan.FromMinutes(1));
        using var _ = driver;
        var a = driver.CreateInputTopic("a", Serdes.String, Serdes.Long);
        var b = driver.CreateInputTopic("b", Serdes.String, Serdes.Long);

        a.PipeInput("k", 1, 1_000);
        a.PipeInput("k", 5, 5_000);
        a.PipeInput("k", 9, 9_000);
        recorder.Records.Should().BeEmpty("partition b is empty and the task waits up to max task idle");

        b.PipeInput("k", 2, 2_000);
        b.PipeInput("k", 3, 3_000);
        b.PipeInput("k", 10, 10_000);
        driver.EndInput();

        recorder.Records.Select(r => r.Value).Should().Equal(1, 2, 3, 5, 9, 10);
        recorder.Records.Select(r => r.Topic).Should().Equal("a", "b", "b", "a", "a", "b");
        recorder.Records.Select(r => r.StreamTime).Should().BeInAscendingOrder();
    }

    [Fact]
    public void ShouldProcessAnywayOnceMaxTaskIdleHasPassed()
    {
        var (driver, recorder) = CreateTwoTopicTask(TimeSpan.FromSeconds(30));
        using var _ = driver;
        var a = driver.CreateInputTopic("a", Serdes.String, Serdes.Long);

        a.PipeInput("k", 1, 1_000);
        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(29));
        recorder.Records.Should().BeEmpty();

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));
        recorder.Records.Select(r => r.Value).Should().Equal(1);
    }

    [Fact]
    public void ShouldJudgeRecordAgainstWatermarkBeforeItAndExcludeRejectedFromStreamTime()
    {
        var topology = new TopologyBuilder()
            .AddSource("source", "in", Serdes.String, Serdes.Long)
            .AddProcessor("judge", () => new LatenessJudge(TestTopologies.Hour), "source")
            .AddSink("late", "late", Serdes.String, Serdes.String, "judge")
            .AddProcessor("on-time", () => new PassThrough<string, long>(), "judge")
            .AddSink("ok", "ok", Serdes.String, Serdes.Long, "on-time")
            .Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);
        var late = driver.CreateOutputTopic("late", Serdes.String, Serdes.String);
        var ok = driver.CreateOutputTopic("ok", Serdes.String, Serdes.Long);
        const long h = TestTopologies.Hour;

        input.PipeInput("x", 1, h + 15 * 60_000);      // stream time 1:15, watermark 1:05
        input.PipeInput("x", 2, 59 * 60_000);          // window [0:00,1:00) ended before 1:05 → late
        input.PipeInput("x", 3, h + 1);                // window [1:00,2:00) still open → on time

        late.ReadValuesToList().Should().Equal($"p0:late:2@{59 * 60_000} wm={h + 5 * 60_000}");
        ok.ReadValuesToList().Should().Equal(1, 3);
        driver.GetStreamTime(new TaskId(0, 0)).Should().Be(h + 15 * 60_000);
        driver.GetWatermark(new TaskId(0, 0)).Should().Be(h + 5 * 60_000);
    }
}
