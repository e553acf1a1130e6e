using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

/// <summary>Partial aggregates (the repartition payload) must merge to exactly what adding every trip gives.</summary>
public sealed class CityHourlyPartialTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ShouldMergeRandomPartialsIntoTheSameBytesAsAddingEveryTrip(int seed)
    {
        var random = new Random(seed);
        var trips = Enumerable.Range(0, 500)
            .Select(i => Trip($"t{i}", pickup: T0 + random.Next(59) * Minute, dropoff: T0 + 60 * Minute + random.Next(1_000_000),
                distanceKm: random.NextDouble() * (i % 50 == 0 ? 1e12 : 30), fare: Math.Round(random.NextDouble() * 80, 2) + (i % 97 == 0 ? 1e-30 : 0)))
            .ToList();
        var whole = new CityHourlyAccumulator();
        trips.ForEach(whole.Add);

        var merged = new CityHourlyAccumulator();
        foreach (var group in trips.OrderBy(_ => random.Next()).Chunk(1 + random.Next(40)))
        {
            var partial = new CityHourlyAccumulator();
            foreach (var trip in group)
            {
                partial.Add(trip);
            }
            merged.Merge(CityHourlyPartialCodec.Decode(CityHourlyPartialCodec.Encode(new CityHourlyPartial(T0, partial, 0, 1))).Accumulator);
        }

        CityHourlyAccumulatorCodec.Encode(merged).Should().Equal(CityHourlyAccumulatorCodec.Encode(whole));
        merged.ToCityHourly("Leeds", HourlyWindow.Containing(T0)).Should().Be(whole.ToCityHourly("Leeds", HourlyWindow.Containing(T0)));
        merged.Trips.Should().Be(500);
    }

    [Fact]
    public void ShouldRoundTripAPartialWithItsWindowStartAndSourcePosition()
    {
        var accumulator = new CityHourlyAccumulator();
        accumulator.Add(Trip("a", pickup: T0 + Minute, dropoff: T0 + 11 * Minute, distanceKm: 2.5, fare: 9.75));

        var decoded = CityHourlyPartialCodec.Decode(CityHourlyPartialCodec.Encode(new CityHourlyPartial(T0, accumulator, 3, 4_000_000_123)));

        decoded.WindowStart.Should().Be(T0);
        decoded.UpstreamPartition.Should().Be(3);
        decoded.ThroughOffset.Should().Be(4_000_000_123);
        decoded.Accumulator.ToCityHourly("Bristol", HourlyWindow.Containing(T0))
            .Should().Be(new CityHourly("Bristol", T0, T0 + Hour, 1, 9.75, 9.75, 9.75, 9.75, 2.5, 600.0));
    }

    [Fact]
    public void ShouldRejectBytesThatAreNotAPartial()
    {
        var act = () => CityHourlyPartialCodec.Decode([9, 1, 2]);

        act.Should().Throw<StateCodecException>();
    }
}
