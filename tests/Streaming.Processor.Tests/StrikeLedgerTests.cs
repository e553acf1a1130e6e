using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class StrikeLedgerTests
{
    private const long Ttl = 30 * Day;

    [Fact]
    public void ShouldEmitAStatusForTheFirstStrike()
    {
        var ledger = CreateLedger();

        var result = ledger.AddStrike(Message("m1", sentAt: T0), watermark: T0 - 10 * Minute);

        result.Outcome.Should().Be(StrikeOutcome.Added);
        result.Changes.Should().Equal(new StrikeStatus("alice", 1, 1, 0.9, SenderStatus.Active, T0 + Ttl, T0));
        ledger.NextExpiry.Should().Be(T0 + Ttl);
    }

    [Fact]
    public void ShouldExpireAStrikeAtExactlyThirtyDaysAndNotOneMillisecondBefore()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("m1", sentAt: T0), T0);

        ledger.ApplyWatermark(T0 + Ttl - 1).Should().BeEmpty();
        ledger.ActiveStrikes.Should().ContainSingle();

        ledger.ApplyWatermark(T0 + Ttl).Should().Equal(new StrikeStatus("alice", 0, 0, 1.0, SenderStatus.Active, null, T0 + Ttl));
        ledger.ActiveStrikes.Should().BeEmpty();
        ledger.NextExpiry.Should().BeNull();
        ledger.ApplyWatermark(T0 + 2 * Ttl).Should().BeEmpty();
    }

    [Fact]
    public void ShouldSetCooldownToTheExpiryOfTheOldestActiveStrike()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("m1", sentAt: T0), T0);
        var second = ledger.AddStrike(Message("m2", sentAt: T0 + Day), T0 + Day);

        second.Changes.Should().Equal(new StrikeStatus("alice", 2, 2, 0.81, SenderStatus.Active, T0 + Ttl, T0 + Day));
        ledger.ApplyWatermark(T0 + Ttl).Should().Equal(new StrikeStatus("alice", 1, 1, 0.9, SenderStatus.Active, T0 + Day + Ttl, T0 + Ttl));
    }

    [Fact]
    public void ShouldExpireDueStrikesBeforeAddingTheNewOne()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("m1", sentAt: T0), T0);

        var result = ledger.AddStrike(Message("m2", sentAt: T0 + 31 * Day), watermark: T0 + 31 * Day - 10 * Minute);

        result.Outcome.Should().Be(StrikeOutcome.Added);
        result.Changes.Should().Equal(
            new StrikeStatus("alice", 0, 0, 1.0, SenderStatus.Active, null, T0 + Ttl),
            new StrikeStatus("alice", 1, 1, 0.9, SenderStatus.Active, T0 + 61 * Day, T0 + 31 * Day));
    }

    [Fact]
    public void ShouldMakeTheSenderInactiveForGoodAtTheTenthStrike()
    {
        var ledger = CreateLedger();
        var statuses = new List<StrikeStatus>();
        for (var i = 0; i < 10; i++)
        {
            statuses.AddRange(ledger.AddStrike(Message($"m{i}", sentAt: T0 + i * Hour), T0 + i * Hour).Changes);
        }

        statuses.Should().HaveCount(10);
        statuses.Take(9).Should().OnlyContain(s => s.Status == SenderStatus.Active);
        statuses[8].Should().Be(new StrikeStatus("alice", 9, 9, Math.Pow(0.9, 9), SenderStatus.Active, T0 + Ttl, T0 + 8 * Hour));
        statuses[9].Should().Be(new StrikeStatus("alice", 10, 10, Math.Pow(0.9, 10), SenderStatus.Inactive, null, T0 + 9 * Hour));
        ledger.IsInactive.Should().BeTrue();

        // Strikes no longer expire, far past their 30 days.
        ledger.NextExpiry.Should().BeNull();
        ledger.ApplyWatermark(T0 + 365 * Day).Should().BeEmpty();
        ledger.ActiveStrikes.Should().HaveCount(10);

        // A later strike is recorded; level stays at the limit and the sender stays INACTIVE.
        ledger.AddStrike(Message("m10", sentAt: T0 + 400 * Day), T0 + 400 * Day).Changes
            .Should().Equal(new StrikeStatus("alice", 11, 10, Math.Pow(0.9, 10), SenderStatus.Inactive, null, T0 + 400 * Day));
    }

    [Fact]
    public void ShouldNotBecomeInactiveWhenStrikesExpireBeforeTheTenth()
    {
        var ledger = CreateLedger();
        for (var i = 0; i < 9; i++)
        {
            ledger.AddStrike(Message($"m{i}", sentAt: T0 + i * Day), T0 + i * Day);
        }

        // m0 expires at T0 + 30 d; the 10th strike then finds 8 active ones.
        var result = ledger.AddStrike(Message("m9", sentAt: T0 + 30 * Day), T0 + 30 * Day);

        result.Changes.Should().HaveCount(2);
        result.Changes[0].Should().Be(new StrikeStatus("alice", 8, 8, Math.Pow(0.9, 8), SenderStatus.Active, T0 + 31 * Day, T0 + 30 * Day));
        result.Changes[1].Should().Be(new StrikeStatus("alice", 9, 9, Math.Pow(0.9, 9), SenderStatus.Active, T0 + 31 * Day, T0 + 30 * Day));
        ledger.IsInactive.Should().BeFalse();
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.9)]
    [InlineData(2, 0.81)]
    [InlineData(3, 0.729)]
    [InlineData(4, 0.6561)]
    [InlineData(5, 0.59049)]
    [InlineData(6, 0.531441)]
    [InlineData(7, 0.4782969)]
    [InlineData(8, 0.43046721)]
    [InlineData(9, 0.387420489)]
    [InlineData(10, 0.3486784401)]
    public void ShouldSetTheSalaryMultiplierToPointNineToTheLevel(int strikes, double multiplier)
    {
        var ledger = CreateLedger();
        var status = ledger.CurrentStatus(T0);
        for (var i = 0; i < strikes; i++)
        {
            status = ledger.AddStrike(Message($"m{i}", sentAt: T0 + i), T0).Changes[^1];
        }

        status.Level.Should().Be(strikes);
        status.SalaryMultiplier.Should().BeApproximately(multiplier, 1e-15);
        status.SalaryMultiplier.Should().Be(Math.Pow(0.9, strikes));
    }

    [Fact]
    public void ShouldCountAStrikeExpiredOnArrivalAndChangeNothing()
    {
        var ledger = CreateLedger();

        var result = ledger.AddStrike(Message("old", sentAt: T0), watermark: T0 + Ttl);

        result.Should().BeEquivalentTo(new StrikeAddResult(StrikeOutcome.ExpiredOnArrival, []));
        ledger.ActiveStrikes.Should().BeEmpty();
        ledger.LastAsOf.Should().BeNull();
        ledger.Counters.Should().Be(new StrikeCounters(Added: 0, Expired: 0, ExpiredOnArrival: 1, Duplicates: 0));

        ledger.AddStrike(Message("young", sentAt: T0 + 1), watermark: T0 + Ttl).Outcome.Should().Be(StrikeOutcome.Added);
    }

    [Fact]
    public void ShouldNotGiveASecondStrikeForAReplayedMessageId()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("m1", sentAt: T0), T0);

        var replay = ledger.AddStrike(Message("m1", sentAt: T0), T0 + Hour);

        replay.Should().BeEquivalentTo(new StrikeAddResult(StrikeOutcome.Duplicate, []));
        ledger.ActiveStrikes.Should().ContainSingle();
        ledger.Counters.Should().Be(new StrikeCounters(1, 0, 0, 1));
    }

    [Fact]
    public void ShouldRememberAnExpiredStrikesIdUntilTheRetentionPasses()
    {
        // TTL 1 h, dedup retention 1 d: after expiry the id is kept until sent_at + 1 d.
        var options = new ProcessorOptions { StrikeTtl = TimeSpan.FromHours(1) };
        var ledger = new StrikeLedger("alice", options);
        ledger.AddStrike(Message("m1", sentAt: T0), T0);
        ledger.ApplyWatermark(T0 + Hour).Should().ContainSingle();

        ledger.AddStrike(Message("m1", sentAt: T0 + 30 * Minute), T0 + 2 * Hour).Outcome.Should().Be(StrikeOutcome.Duplicate);
        ledger.SeenMessageIds.Should().ContainKey("m1");

        ledger.ApplyWatermark(T0 + Day).Should().BeEmpty();
        ledger.SeenMessageIds.Should().BeEmpty();
    }

    [Fact]
    public void ShouldEmitOneStatusPerStrikeExpiringAtTheSameTimeInMessageIdOrder()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("b", sentAt: T0), T0);
        ledger.AddStrike(Message("a", sentAt: T0), T0);
        ledger.AddStrike(Message("c", sentAt: T0 + 1), T0);

        var changes = ledger.ApplyWatermark(T0 + Ttl + 1);

        changes.Should().Equal(
            new StrikeStatus("alice", 2, 2, 0.81, SenderStatus.Active, T0 + Ttl, T0 + Ttl),
            new StrikeStatus("alice", 1, 1, 0.9, SenderStatus.Active, T0 + Ttl + 1, T0 + Ttl),
            new StrikeStatus("alice", 0, 0, 1.0, SenderStatus.Active, null, T0 + Ttl + 1));
        // With TTL (30 d) ≥ dedup retention (1 d) an id is forgotten when its strike expires: a replay would be expired on arrival.
        ledger.SeenMessageIds.Should().BeEmpty();
    }

    [Fact]
    public void ShouldKeepAsOfMonotonicWhenAnExpiryPrecedesTheLastSentAt()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("m1", sentAt: T0), T0);
        // Sent 5 min after m1's expiry but read while the watermark is still 1 ms before it.
        ledger.AddStrike(Message("m2", sentAt: T0 + Ttl + 5 * Minute), T0 + Ttl - 1).Changes[^1].AsOf.Should().Be(T0 + Ttl + 5 * Minute);

        var expiry = ledger.ApplyWatermark(T0 + Ttl);

        expiry.Should().Equal(new StrikeStatus("alice", 1, 1, 0.9, SenderStatus.Active, T0 + 2 * Ttl + 5 * Minute, T0 + Ttl + 5 * Minute));
    }

    [Fact]
    public void ShouldKeepAsOfMonotonicForALateStrike()
    {
        var ledger = CreateLedger();
        ledger.AddStrike(Message("m1", sentAt: T0 + 10 * Minute), T0);

        ledger.AddStrike(Message("m2", sentAt: T0 + 5 * Minute), T0).Changes[^1].AsOf.Should().Be(T0 + 10 * Minute);
    }

    [Fact]
    public void ShouldRefuseAMessageOfAnotherSender()
    {
        var act = () => CreateLedger().AddStrike(Message("m1", sender: "bob"), T0);

        act.Should().Throw<ArgumentException>().WithMessage("*'bob'*'alice'*");
    }

    [Fact]
    public void ShouldUseTheConfiguredLimitAndStep()
    {
        var ledger = new StrikeLedger("alice", new ProcessorOptions { StrikeLimit = 2, SalaryStep = 0.5 });

        ledger.AddStrike(Message("m1"), T0).Changes[^1].SalaryMultiplier.Should().Be(0.5);
        ledger.AddStrike(Message("m2"), T0).Changes[^1].Should().Be(new StrikeStatus("alice", 2, 2, 0.25, SenderStatus.Inactive, null, T0));
    }

    private static StrikeLedger CreateLedger() => new("alice", Options);
}
