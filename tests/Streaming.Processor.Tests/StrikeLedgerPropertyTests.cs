using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

/// <summary>The ledger's output must not depend on how the watermark advanced, nor on state round-trips through the codec.</summary>
public sealed class StrikeLedgerPropertyTests
{
    /// <summary>A random history: strikes (sent_at offsets in hours, arriving in order) and a seed for watermark splits.</summary>
    private static readonly Gen<(int[] StrikeHours, int Seed)> Histories =
        from hours in Gen.Choose(0, 24 * 70).ArrayOf()
        from seed in Gen.Choose(0, int.MaxValue)
        select (hours.Order().ToArray(), seed);

    [Fact]
    public void ShouldEmitTheSameExpiriesWhateverTheWatermarkStepSize()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(Histories), history =>
        {
            var end = T0 + 200 * Day;
            var oneJump = Run(history.StrikeHours, end, random: null, encodeBetweenSteps: false);
            var steps = Run(history.StrikeHours, end, new Random(history.Seed), encodeBetweenSteps: false);
            oneJump.Should().Equal(steps);
        }));
    }

    [Fact]
    public void ShouldEmitTheSameStatusesWhenStateRoundTripsThroughTheCodecBetweenSteps()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(Histories), history =>
        {
            var end = T0 + 200 * Day;
            var plain = Run(history.StrikeHours, end, new Random(history.Seed), encodeBetweenSteps: false);
            var roundTripped = Run(history.StrikeHours, end, new Random(history.Seed), encodeBetweenSteps: true);
            roundTripped.Should().Equal(plain);
        }));
    }

    [Fact]
    public void ShouldExpireEveryStrikeOfAnActiveSenderExactlyOnce()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(Histories), history =>
        {
            var ledger = new StrikeLedger("alice", Options);
            var statuses = Run(history.StrikeHours, T0 + 200 * Day, new Random(history.Seed), encodeBetweenSteps: false, ledger);
            if (!ledger.IsInactive)
            {
                ledger.ActiveStrikes.Should().BeEmpty();
                ledger.Counters.Expired.Should().Be(ledger.Counters.Added);
                statuses.Should().HaveCount((int)(ledger.Counters.Added + ledger.Counters.Expired));
            }
            statuses.Select(s => s.AsOf).Should().BeInAscendingOrder();
            statuses.Where(s => s.Level != Math.Min(s.ActiveStrikes, 10)).Should().BeEmpty();
        }));
    }

    /// <summary>
    /// Feeds the strikes in order: each arrives with the watermark at its sent_at minus the allowed lateness. With a
    /// random source, extra watermark advances are inserted before each strike and before the end, at random points.
    /// </summary>
    private static List<StrikeStatus> Run(int[] strikeHours, long end, Random? random, bool encodeBetweenSteps, StrikeLedger? ledger = null)
    {
        ledger ??= new StrikeLedger("alice", Options);
        var statuses = new List<StrikeStatus>();
        var watermark = long.MinValue;
        void Advance(long target)
        {
            if (random is not null)
            {
                var from = Math.Max(watermark, T0 - Day);
                var steps = random.Next(0, 6);
                var points = Enumerable.Range(0, steps).Select(_ => from + (long)(random.NextDouble() * (target - from))).Order();
                foreach (var point in points)
                {
                    statuses.AddRange(ledger!.ApplyWatermark(point));
                    RoundTrip();
                }
            }
            watermark = Math.Max(watermark, target);
        }
        void RoundTrip()
        {
            if (encodeBetweenSteps)
            {
                ledger = StrikeLedgerCodec.Decode(StrikeLedgerCodec.Encode(ledger!), Options);
            }
        }

        for (var i = 0; i < strikeHours.Length; i++)
        {
            var sentAt = T0 + strikeHours[i] * Hour;
            Advance(sentAt - Options.AllowedLatenessMs);
            statuses.AddRange(ledger.AddStrike(Message($"m{i}", sentAt: sentAt), watermark).Changes);
            RoundTrip();
        }
        Advance(end);
        statuses.AddRange(ledger.ApplyWatermark(end));
        return statuses;
    }
}
