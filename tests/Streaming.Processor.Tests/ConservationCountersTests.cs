using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;

namespace Streaming.Processor.Tests;

public sealed class ConservationCountersTests
{
    [Fact]
    public void ShouldBalanceWhenEveryRecordHasOneOutcome()
    {
        var counters = CreateTripCounters();

        counters.In.Should().Be(9);
        counters.Accepted.Should().Be(4);
        counters.Duplicates.Should().Be(1);
        counters.BeyondHorizon.Should().Be(1);
        counters.Rejected.Should().Be(3);
        counters.WindowLate.Should().Be(1);
        counters.RejectedByReason.Should().Equal(new Dictionary<string, long>
        {
            [RejectReasons.MissingField] = 1,
            [RejectReasons.NegativeFare] = 2,
        });
        counters.Balances.Should().BeTrue();
        counters.ToString().Should().Be(
            "trips: in=9 accepted=4 (window_late=1) duplicates=1 beyond_horizon=1 rejected=3 [missing_field=1 negative_fare=2] balances");
    }

    [Fact]
    public void ShouldNotBalanceWhenARecordIsLost()
    {
        var counters = CreateTripCounters();
        counters.CountIn();

        counters.Balances.Should().BeFalse();
        counters.ToString().Should().EndWith("DOES NOT BALANCE");
    }

    [Fact]
    public void ShouldNotBalanceWhenWindowLateExceedsAccepted()
    {
        var counters = new ConservationCounters("trips");
        counters.CountWindowLate();

        counters.Balances.Should().BeFalse();
    }

    [Fact]
    public void ShouldAddTheCountersOfTasks()
    {
        var total = CreateTripCounters();
        total.Add(CreateTripCounters());

        total.In.Should().Be(18);
        total.Accepted.Should().Be(8);
        total.WindowLate.Should().Be(2);
        total.RejectedByReason[RejectReasons.NegativeFare].Should().Be(4);
        total.Balances.Should().BeTrue();
        total.Invoking(t => t.Add(new ConservationCounters("messages"))).Should().Throw<ArgumentException>();
    }

    private static ConservationCounters CreateTripCounters()
    {
        var counters = new ConservationCounters("trips");
        for (var i = 0; i < 9; i++)
        {
            counters.CountIn();
        }
        for (var i = 0; i < 4; i++)
        {
            counters.CountAccepted();
        }
        counters.CountWindowLate();
        counters.CountDuplicate();
        counters.CountBeyondHorizon();
        counters.CountRejected(RejectReasons.NegativeFare);
        counters.CountRejected(RejectReasons.MissingField);
        counters.CountRejected(RejectReasons.NegativeFare);
        return counters;
    }
}
