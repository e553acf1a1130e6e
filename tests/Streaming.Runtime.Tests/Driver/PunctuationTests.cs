using FluentAssertions;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

public sealed class PunctuationTests
{
    private sealed class Punctuating(PunctuationType type, List<long> fired) : ContextualProcessor<string, long>
    {
        public override void Init(IProcessorContext context)
        {
            base.Init(context);
            context.Schedule(TimeSpan.FromSeconds(type == PunctuationType.StreamTime ? 10 : 1), type, t =>
            {
                fired.Add(t);
                Context.Forward(new Record<string, long>("tick", t, Math.Max(t, 0)));
            });
        }

        public override void Process(Record<string, long> record)
        {
        }
    }

    private static TopologyTestDriver Create(PunctuationType type, List<long> fired) =>
        new(new TopologyBuilder()
            .AddSource("s", "in", Serdes.String, Serdes.Long)
            .AddProcessor("p", () => new Punctuating(type, fired), "s")
            .AddSink("out", "ticks", Serdes.String, Serdes.Long, "p")
            .Build());

    [Fact]
    public void ShouldPunctuateOnStreamTimeOnlyWhenStreamTimePassesTheDueTime()
    {
        var fired = new List<long>();
        using var driver = Create(PunctuationType.StreamTime, fired);
        var input = driver.CreateInputTopic("in", Serdes.String, Serdes.Long);

        foreach (var ts in new long[] { 0, 5_000, 10_000, 25_000, 26_000, 3_000 })
        {
            input.PipeInput("k", 1, ts);
        }
        driver.AdvanceWallClockTime(TimeSpan.FromHours(1));

        fired.Should().Equal(0, 10_000, 25_000);
        driver.CreateOutputTopic("ticks", Serdes.String, Serdes.Long).ReadValuesToList().Should().Equal(0, 10_000, 25_000);
    }

    [Fact]
    public void ShouldPunctuateOnWallClockIndependentlyOfRecords()
    {
        var fired = new List<long>();
        using var driver = Create(PunctuationType.WallClockTime, fired);

        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(500));
        fired.Should().BeEmpty();
        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(600));
        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(3_000));

        fired.Should().Equal(1_100, 4_100);
    }
}
