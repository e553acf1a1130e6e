using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class CityHourlyAccumulatorTests
{
    [Fact]
    public void ShouldAggregateTripsIntoTheHandComputedCityHourly()
    {
        var accumulator = new CityHourlyAccumulator();
        accumulator.Add(Trip("a", pickup: T0 + 5 * Minute, dropoff: T0 + 15 * Minute, distanceKm: 3.2, fare: 10.5));   // 600 s
        accumulator.Add(Trip("b", pickup: T0 + 20 * Minute, dropoff: T0 + 40 * Minute, distanceKm: 5.5, fare: 20.25)); // 1200 s
        accumulator.Add(Trip("c", pickup: T0 + 50 * Minute, dropoff: T0 + 65 * Minute, distanceKm: 1.3, fare: 7.0));   // 900 s

        var result = accumulator.ToCityHourly("Berlin", HourlyWindow.Containing(T0));

        // fare_sum 37.75, fare_avg 37.75 / 3, distance 3.2 + 5.5 + 1.3 = 10 (exact sum rounds to 10.0), avg duration 2700 s / 3.
        result.Should().Be(new CityHourly("Berlin", T0, T0 + Hour, 3, 37.75, 37.75 / 3, 7.0, 20.25, 10.0, 900.0));
        accumulator.DurationSumMs.Should().Be(2_700_000);
    }

    [Fact]
    public void ShouldAggregateASingleTrip()
    {
        var accumulator = new CityHourlyAccumulator();
        accumulator.Add(Trip(pickup: T0, dropoff: T0 + 1_500, distanceKm: 0.4, fare: 4.2));

        accumulator.ToCityHourly("Oslo", HourlyWindow.Containing(T0))
            .Should().Be(new CityHourly("Oslo", T0, T0 + Hour, 1, 4.2, 4.2, 4.2, 4.2, 0.4, 1.5));
    }

    [Fact]
    public void ShouldGiveTheSameResultAndBytesInEveryAdditionOrder()
    {
        // 0.1 + 0.2 + 0.3 as running doubles is 0.6000000000000001 or 0.6 depending on order; the exact sum is 0.6.
        double[] fares = [0.1, 0.2, 0.3];
        var results = new List<CityHourly>();
        var encodings = new List<string>();
        foreach (var order in new[] { new[] { 0, 1, 2 }, [2, 1, 0], [1, 2, 0], [0, 2, 1] })
        {
            var accumulator = new CityHourlyAccumulator();
            foreach (var i in order)
            {
                accumulator.Add(Trip($"t{i}", fare: fares[i], distanceKm: fares[i]));
            }
            results.Add(accumulator.ToCityHourly("X", HourlyWindow.Containing(T0)));
            encodings.Add(Convert.ToHexString(CityHourlyAccumulatorCodec.Encode(accumulator)));
        }

        ((0.1 + 0.2) + 0.3).Should().NotBe(0.1 + (0.2 + 0.3), "the running double sum depends on order");
        results.Should().AllBeEquivalentTo(results[0]);
        results[0].FareSum.Should().Be(0.6);
        results[0].DistanceKmSum.Should().Be(0.6);
        encodings.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void ShouldRefuseAnEmptyWindow()
    {
        var act = () => new CityHourlyAccumulator().ToCityHourly("Berlin", HourlyWindow.Containing(T0));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Berlin|1756684800000*");
    }

    [Fact]
    public void ShouldRefuseAnInvalidTrip()
    {
        var accumulator = new CityHourlyAccumulator();

        accumulator.Invoking(a => a.Add(Trip(fare: double.NaN))).Should().Throw<ArgumentException>().WithMessage("*fare*");
        accumulator.Invoking(a => a.Add(Trip(pickup: T0, dropoff: T0 - 1))).Should().Throw<ArgumentException>().WithMessage("*dropoff_ts*");
        accumulator.Trips.Should().Be(0);
    }
}
