using FluentAssertions;
using Streaming.Contracts.Events;
using Xunit;
using static Streaming.Processor.Tests.Streams.StreamizPipelineDriver;

namespace Streaming.Processor.Tests.Streams;

public sealed class StreamizStrikeTopologyTests
{
    private const long Ttl = 30 * Day;

    [Fact]
    public void ShouldFlagMarkedWordsAndRaiseLevelAndSalaryMultiplierPerStrike()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Message("m1", "s1", T0, "well DARN it"));
        p.Send(Message("m2", "s1", T0 + Minute, "nothing here"));
        p.Send(Message("m3", "s1", T0 + (2 * Minute), "heck, darn!"));
        p.Send(Message("m4", "s1", T0 + (3 * Minute), "oh heck"));

        p.Flagged.ReadValuesToList().Select(f => (f.MessageId, string.Join(",", f.MatchedWords)))
            .Should().Equal(("m1", "darn"), ("m3", "heck,darn"), ("m4", "heck"));
        var statuses = p.StrikeStatus.ReadValuesToList();
        statuses.Should().Equal(
            new StrikeStatus("s1", 1, 1, 0.9, SenderStatus.Active, T0 + Ttl, T0),
            new StrikeStatus("s1", 2, 2, Math.Pow(0.9, 2), SenderStatus.Active, T0 + Ttl, T0 + (2 * Minute)),
            new StrikeStatus("s1", 3, 3, Math.Pow(0.9, 3), SenderStatus.Active, T0 + Ttl, T0 + (3 * Minute)));
    }

    [Fact]
    public void ShouldExpireStrikeExactlyThirtyDaysAfterItWasSent()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Message("m1", "s1", T0, "darn"));
        p.StrikeStatus.ReadValuesToList().Should().HaveCount(1);

        // Walk the watermark (stream time − 10 min) to one ms before the expiry, in steps below the 1-day future bound.
        var step = 0;
        for (var t = T0 + (12 * Hour); t < T0 + Ttl; t += 12 * Hour)
        {
            p.Send(Message("fill-" + step++, "s2", t));
        }
        p.Send(Message("fill-edge", "s2", T0 + Ttl + (10 * Minute) - 1));   // watermark = expiry − 1 ms
        p.StrikeStatus.ReadValuesToList().Should().BeEmpty("one millisecond before 30 days the strike is still active");

        p.Send(Message("fill-expire", "s2", T0 + Ttl + (10 * Minute)));     // watermark = expiry
        p.StrikeStatus.ReadValuesToList().Should().Equal(
            new StrikeStatus("s1", 0, 0, 1.0, SenderStatus.Active, null, T0 + Ttl));
    }

    [Fact]
    public void ShouldMakeSenderInactiveForGoodAtTheTenthStrike()
    {
        using var p = new StreamizPipelineDriver();
        for (var i = 1; i <= 10; i++)
        {
            p.Send(Message("m" + i, "s1", T0 + (i * Minute), "darn"));
        }
        var statuses = p.StrikeStatus.ReadValuesToList();
        statuses.Should().HaveCount(10);
        statuses[8].Status.Should().Be(SenderStatus.Active);
        statuses[9].Should().Be(new StrikeStatus("s1", 10, 10, Math.Pow(0.9, 10), SenderStatus.Inactive, null, T0 + (10 * Minute)));

        var step = 0;
        for (var t = T0 + (12 * Hour); t <= T0 + (40 * Day); t += 12 * Hour)
        {
            p.Send(Message("fill-" + step++, "s2", t));
        }
        p.StrikeStatus.ReadValuesToList().Should().BeEmpty("an INACTIVE sender's strikes never expire");
    }

    [Fact]
    public void ShouldCountStrikeAlreadyExpiredOnArrivalWithoutAStatus()
    {
        var options = new Domain.ProcessorOptions { StrikeTtl = TimeSpan.FromHours(1) };
        using var p = new StreamizPipelineDriver(options);
        p.Send(Message("now", "s2", T0 + (2 * Hour)));             // watermark = T0 + 1h 50m
        p.Send(Message("old", "s1", T0 + (30 * Minute), "darn"));   // expiry T0 + 1h 30m ≤ watermark
        p.Flagged.ReadValuesToList().Select(f => f.MessageId).Should().Equal("old");
        p.StrikeStatus.ReadValuesToList().Should().BeEmpty();
    }
}
