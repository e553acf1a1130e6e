using FluentAssertions;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class StateCodecTests
{
    [Fact]
    public void ShouldEncodeADedupEntryInTwentyOneBigEndianBytes()
    {
        var entry = new DedupEntry(3, 0x0102030405060708, T0);

        var bytes = DedupEntryCodec.Encode(entry);

        Convert.ToHexString(bytes).Should().Be("01" + "00000003" + "0102030405060708" + "000001990292D000");
        DedupEntryCodec.Decode(bytes).Should().Be(entry);
    }

    [Fact]
    public void ShouldRoundTripACityHourlyAccumulator()
    {
        var accumulator = new CityHourlyAccumulator();
        accumulator.Add(Trip("a", distanceKm: 3.2, fare: 10.5));
        accumulator.Add(Trip("b", pickup: T0 + Minute, dropoff: T0 + 30 * Minute, distanceKm: 1e-9, fare: 1e12));

        var decoded = CityHourlyAccumulatorCodec.Decode(CityHourlyAccumulatorCodec.Encode(accumulator));

        var window = HourlyWindow.Containing(T0);
        decoded.ToCityHourly("Berlin", window).Should().Be(accumulator.ToCityHourly("Berlin", window));
        CityHourlyAccumulatorCodec.Encode(decoded).Should().Equal(CityHourlyAccumulatorCodec.Encode(accumulator));

        // Adding after a round trip gives the same as adding without one.
        var extra = Trip("c", fare: 0.1, distanceKm: 0.3);
        decoded.Add(extra);
        accumulator.Add(extra);
        decoded.ToCityHourly("Berlin", window).Should().Be(accumulator.ToCityHourly("Berlin", window));
    }

    [Fact]
    public void ShouldRoundTripAnEmptyAccumulator()
    {
        var decoded = CityHourlyAccumulatorCodec.Decode(CityHourlyAccumulatorCodec.Encode(new CityHourlyAccumulator()));

        decoded.Trips.Should().Be(0);
        decoded.FareMin.Should().Be(double.PositiveInfinity);
        decoded.FareMax.Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void ShouldRoundTripAStrikeLedgerWithEveryPartOfItsState()
    {
        // TTL 2 h < dedup retention 24 h, so expired ids stay remembered.
        var options = new ProcessorOptions { StrikeTtl = TimeSpan.FromHours(2) };
        var ledger = new StrikeLedger("ålice", options);
        ledger.AddStrike(Message("m1", "ålice", T0), T0);
        ledger.AddStrike(Message("m2", "ålice", T0 + Hour), T0 + Hour);
        ledger.AddStrike(Message("m1", "ålice", T0), T0 + Hour);                 // duplicate
        ledger.AddStrike(Message("old", "ålice", T0 - 3 * Hour), T0 + Hour);     // expired on arrival
        ledger.ApplyWatermark(T0 + 2 * Hour);                                     // m1 expires

        var bytes = StrikeLedgerCodec.Encode(ledger);
        var decoded = StrikeLedgerCodec.Decode(bytes, options);

        decoded.SenderId.Should().Be("ålice");
        decoded.ActiveStrikes.Should().Equal(new ActiveStrike("m2", T0 + Hour, T0 + 3 * Hour));
        decoded.SeenMessageIds.Should().Equal(new Dictionary<string, long> { ["m1"] = T0, ["old"] = T0 - 3 * Hour });
        decoded.IsInactive.Should().BeFalse();
        decoded.LastAsOf.Should().Be(T0 + 2 * Hour);
        decoded.Counters.Should().Be(new StrikeCounters(Added: 2, Expired: 1, ExpiredOnArrival: 1, Duplicates: 1));
        StrikeLedgerCodec.Encode(decoded).Should().Equal(bytes);
    }

    [Fact]
    public void ShouldRoundTripAnInactiveAndAFreshLedger()
    {
        var inactive = new StrikeLedger("bob", new ProcessorOptions { StrikeLimit = 1 });
        inactive.AddStrike(Message("m1", "bob", T0), T0);
        var fresh = new StrikeLedger("carol", Options);

        var decodedInactive = StrikeLedgerCodec.Decode(StrikeLedgerCodec.Encode(inactive), new ProcessorOptions { StrikeLimit = 1 });
        var decodedFresh = StrikeLedgerCodec.Decode(StrikeLedgerCodec.Encode(fresh), Options);

        decodedInactive.IsInactive.Should().BeTrue();
        decodedInactive.CurrentStatus(0).Should().Be(inactive.CurrentStatus(0));
        decodedFresh.LastAsOf.Should().BeNull();
        decodedFresh.ActiveStrikes.Should().BeEmpty();
        decodedFresh.CurrentStatus(T0).Should().Be(fresh.CurrentStatus(T0));
    }

    [Fact]
    public void ShouldRejectTruncatedTrailingAndWrongVersionBytes()
    {
        var entry = DedupEntryCodec.Encode(new DedupEntry(1, 2, 3));
        var ledger = StrikeLedgerCodec.Encode(new StrikeLedger("alice", Options));

        FluentActions.Invoking(() => DedupEntryCodec.Decode(entry.AsSpan(0, 20)))
            .Should().Throw<StateCodecException>().WithMessage("DedupEntry state is truncated*");
        FluentActions.Invoking(() => DedupEntryCodec.Decode([.. entry, 0]))
            .Should().Throw<StateCodecException>().WithMessage("DedupEntry state has 1 unexpected bytes*");
        FluentActions.Invoking(() => StrikeLedgerCodec.Decode([2, .. ledger.AsSpan(1)], Options))
            .Should().Throw<StateCodecException>().WithMessage("StrikeLedger state has version 2*");
        FluentActions.Invoking(() => CityHourlyAccumulatorCodec.Decode([]))
            .Should().Throw<StateCodecException>().WithMessage("CityHourlyAccumulator state is truncated*");
    }
}
