using FluentAssertions;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

/// <summary>
/// The source positions that keep an at_least_once replay from counting a trip twice: in the upstream task's held
/// partial and in the window task's merged state, each kept in one store value with its aggregate.
/// </summary>
public sealed class ReplayPositionTests
{
    [Fact]
    public void ShouldCountATripAtOrBelowTheHeldPositionAsAlreadyAddedAndKeepThePositionAcrossAFlush()
    {
        var held = HeldCityPartial.Empty.Add(Trip("a", pickup: T0 + Minute), 7).Add(Trip("b", pickup: T0 + (2 * Minute)), 9);

        held.Counts(9).Should().BeTrue();
        held.Counts(3).Should().BeTrue();
        held.Counts(10).Should().BeFalse();
        held.Accumulator.Trips.Should().Be(2);
        var flushed = held.Flushed();
        flushed.Accumulator.Trips.Should().Be(0);
        flushed.Counts(9).Should().BeTrue("a trip flushed before a restart is counted in the window task already");
        HeldCityPartial.Empty.Counts(0).Should().BeFalse();
    }

    [Fact]
    public void ShouldRoundTripAHeldPartial()
    {
        var held = HeldCityPartial.Empty.Add(Trip("a", pickup: T0 + Minute, fare: 12.5), 41);

        var decoded = HeldCityPartialCodec.Decode(HeldCityPartialCodec.Encode(held));

        decoded.ThroughOffset.Should().Be(41);
        CityHourlyAccumulatorCodec.Encode(decoded.Accumulator).Should().Equal(CityHourlyAccumulatorCodec.Encode(held.Accumulator));
        FluentActions.Invoking(() => HeldCityPartialCodec.Decode([7, 0])).Should().Throw<StateCodecException>();
    }

    [Fact]
    public void ShouldMergeAPartialOnlyWhenItGoesPastTheLastMergedOfItsUpstreamPartition()
    {
        var state = CityWindowState.Empty();

        state.Merge(Partial(fare: 1, upstream: 0, through: 5)).Should().BeTrue();
        state.Merge(Partial(fare: 1, upstream: 0, through: 5)).Should().BeFalse();
        state.Merge(Partial(fare: 1, upstream: 0, through: 4)).Should().BeFalse();
        state.Merge(Partial(fare: 2, upstream: 1, through: 5)).Should().BeTrue();
        state.Merge(Partial(fare: 3, upstream: 0, through: 6)).Should().BeTrue();

        state.Accumulator.Trips.Should().Be(3);
        state.Accumulator.ToCityHourly("Leeds", HourlyWindow.Containing(T0)).FareSum.Should().Be(6);
        state.MergedThrough.Should().Equal(new Dictionary<int, long> { [0] = 6, [1] = 5 });
    }

    [Fact]
    public void ShouldRoundTripAWindowStateWithItsPositions()
    {
        var state = CityWindowState.Empty();
        state.Merge(Partial(fare: 4, upstream: 3, through: 5_000_000_000));
        state.Merge(Partial(fare: 2, upstream: 1, through: 8));

        var decoded = CityWindowStateCodec.Decode(CityWindowStateCodec.Encode(state));

        decoded.MergedThrough.Should().Equal(new Dictionary<int, long> { [1] = 8, [3] = 5_000_000_000 });
        CityHourlyAccumulatorCodec.Encode(decoded.Accumulator).Should().Equal(CityHourlyAccumulatorCodec.Encode(state.Accumulator));
        CityWindowStateCodec.Encode(decoded).Should().Equal(CityWindowStateCodec.Encode(state));
        FluentActions.Invoking(() => CityWindowStateCodec.Decode([1, 255, 255, 255, 255])).Should().Throw<StateCodecException>();
    }

    private static CityHourlyPartial Partial(double fare, int upstream, long through)
    {
        var accumulator = new CityHourlyAccumulator();
        accumulator.Add(Trip($"t{upstream}-{through}", pickup: T0 + Minute, fare: fare));
        return new CityHourlyPartial(T0, accumulator, upstream, through);
    }
}
