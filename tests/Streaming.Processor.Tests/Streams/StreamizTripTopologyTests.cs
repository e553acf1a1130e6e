using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Streams;
using Xunit;
using static Streaming.Processor.Tests.Streams.StreamizPipelineDriver;

namespace Streaming.Processor.Tests.Streams;

public sealed class StreamizTripTopologyTests
{
    [Fact]
    public void ShouldEmitWindowOnceWhenWatermarkReachesItsEnd()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0 + (10 * Minute), fare: 5, distance: 2, durationMs: 10 * Minute));
        p.Send(Trip("b", T0 + (20 * Minute), fare: 7, distance: 4, durationMs: 20 * Minute));
        p.Send(Trip("c", T0 + Hour + (10 * Minute) - 1));         // watermark = T0 + 1h - 1 ms: still open
        p.CityHourly.ReadValuesToList().Should().BeEmpty();

        p.Send(Trip("d", T0 + Hour + (10 * Minute)));             // watermark = T0 + 1h = window end: closes
        var emitted = p.CityHourly.ReadKeyValuesToList();
        emitted.Should().HaveCount(1);
        emitted[0].Key.Should().Be("London|" + T0);
        emitted[0].Value.Should().Be(new CityHourly("London", T0, T0 + Hour, 2, 12, 6, 5, 7, 6, 900));

        p.Send(Trip("e", T0 + (3 * Hour)));
        p.CityHourly.ReadValuesToList().Select(w => w.WindowStart).Should().Equal([T0 + Hour], "the T0 window is never emitted again");
    }

    [Fact]
    public void ShouldRejectEachInvalidTripWithItsReasonAndNothingElse()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("ok-1", T0));
        p.SendRawTrip("junk", [1, 2, 3], T0);
        p.SendRawTrip("unknown", [0, 0, 0, 0x7F, 0xFF, 2, 4], T0);
        p.Send(Trip("", T0 + Minute));
        p.Send(Trip("neg-dur", T0 + Minute, durationMs: -1));
        p.Send(Trip("too-long", T0 + Minute, durationMs: Day + 1));
        p.Send(Trip("neg-dist", T0 + Minute, distance: -0.1));
        p.Send(Trip("neg-fare", T0 + Minute, fare: -2));
        p.Send(Trip("future", T0 + Day + 1));

        var rejected = p.TripsRejected.ReadValuesToList();
        rejected.Select(r => (r.Reason, r.SourceOffset)).Should().Equal(
            (RejectReasons.Undecodable, 1L), (RejectReasons.UnknownSchema, 2L), (RejectReasons.MissingField, 3L),
            (RejectReasons.NegativeDuration, 4L), (RejectReasons.DurationTooLong, 5L), (RejectReasons.NegativeDistance, 6L),
            (RejectReasons.NegativeFare, 7L), (RejectReasons.FutureTimestamp, 8L));
        rejected.Should().OnlyContain(r => r.SourceTopic == "trips" && r.SourcePartition == 0);
        rejected[0].RawValue.Should().Equal(1, 2, 3);
        rejected[0].RawKey.Should().Equal("junk"u8.ToArray());
        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("ok-1");

        var trips = p.Summary.Conservation().Single(c => c.Topic == "trips");
        (trips.In, trips.Accepted, trips.Rejected).Should().Be((9L, 1L, 8L));
        trips.Balances.Should().BeTrue();
    }

    [Fact]
    public void ShouldNotLetRejectedFutureTripAdvanceStreamTime()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0 + Hour));
        p.Send(Trip("future", T0 + (8 * Day)));
        // Had the rejected trip moved stream time, this one would be beyond the dedup horizon or window-late.
        p.Send(Trip("b", T0 + Hour - Minute));

        p.TripsRejected.ReadValuesToList().Select(r => r.Reason).Should().Equal(RejectReasons.FutureTimestamp);
        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("a", "b");
        p.TripsLate.ReadValuesToList().Should().BeEmpty();
    }

    [Fact]
    public void ShouldDropDuplicateWithinRetentionAndAcceptTheIdAgainAfterRetention()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0));
        p.Send(Trip("a", T0));
        // Walk stream time forward in steps below the 1-day future bound until the entry for "a" expires.
        p.Send(Trip("filler-1", T0 + (12 * Hour)));
        p.Send(Trip("filler-2", T0 + (24 * Hour)));
        p.Send(Trip("filler-3", T0 + (24 * Hour) + (10 * Minute)));    // watermark = T0 + 24h: "a" is forgotten
        p.Send(Trip("a", T0 + (25 * Hour) + Minute));

        p.Clean.ReadValuesToList().Where(t => t.TripId == "a").Select(t => t.PickupTs)
            .Should().Equal(T0, T0 + (25 * Hour) + Minute);
        var trips = p.Summary.Conservation().Single(c => c.Topic == "trips");
        trips.Duplicates.Should().Be(1);
        trips.Balances.Should().BeTrue();
    }

    [Fact]
    public void ShouldAcceptAReplayOfTheStoredSourceOffsetButDropTheSameIdAtAnotherOffset()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("x", T0));
        // A restart restored "a" as first read at offset 1, but the input offsets were committed before it: read again.
        p.RestoreDedupEntry(StreamizPipelineTopology.TripDedupStore, "a", DedupDecision.EntryFor(0, p.NextTripOffset, T0 + Minute));
        p.Send(Trip("a", T0 + Minute));                          // offset 1: the replay, not a duplicate
        p.Send(Trip("a", T0 + Minute));                          // offset 2: a duplicate

        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("x", "a");
        var trips = p.Summary.Conservation().Single(c => c.Topic == "trips");
        (trips.In, trips.Accepted, trips.Duplicates).Should().Be((3L, 2L, 1L));
        trips.Balances.Should().BeTrue();
    }

    [Fact]
    public void ShouldSendTripBeyondDedupHorizonToLateOnly()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("first", T0));
        p.Send(Trip("step", T0 + (12 * Hour)));
        p.Send(Trip("now", T0 + (24 * Hour) + (10 * Minute)));   // watermark = T0 + 24h
        p.Send(Trip("old-edge", T0));                            // T0 + 24h ≤ watermark: beyond the horizon
        p.Send(Trip("old-inside", T0 + 1));                      // one ms inside the horizon: accepted (window-late)

        var late = p.TripsLate.ReadValuesToList();
        late.Select(l => (l.Trip.TripId, l.Reason, l.WatermarkAtArrival)).Should().Equal(
            ("old-edge", LateReason.BeyondDedupHorizon, T0 + (24 * Hour)),
            ("old-inside", LateReason.WindowClosed, T0 + (24 * Hour)));
        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("first", "step", "now", "old-inside");
        var trips = p.Summary.Conservation().Single(c => c.Topic == "trips");
        (trips.BeyondHorizon, trips.WindowLate, trips.Accepted).Should().Be((1L, 1L, 4L));
    }

    [Fact]
    public void ShouldKeepWindowLateTripInCleanButOutOfTheClosedAggregate()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0 + (10 * Minute)));
        p.Send(Trip("b", T0 + Hour + (10 * Minute)));             // closes [T0, T0+1h)
        p.Send(Trip("late", T0 + (30 * Minute), city: "Leeds"));  // its window ended at the watermark
        p.EndInput();

        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("a", "b", "late");
        var late = p.TripsLate.ReadValuesToList().Single();
        (late.Trip.TripId, late.Reason, late.WatermarkAtArrival).Should().Be(("late", LateReason.WindowClosed, T0 + Hour));
        p.CityHourly.ReadValuesToList().Select(w => (w.City, w.WindowStart, w.Trips))
            .Should().Equal(("London", T0, 1L), ("London", T0 + Hour, 1L));
        p.Summary.Conservation().Single(c => c.Topic == "trips").WindowLate.Should().Be(1);
    }

    [Fact]
    public void ShouldEmitStillOpenWindowsAtEndOfInputInStartThenCityOrder()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0 + Minute, city: "Watford"));
        p.Send(Trip("b", T0 + (2 * Minute), city: "Bristol"));
        p.Send(Trip("c", T0 + Hour + Minute, city: "Bristol"));
        p.CityHourly.ReadValuesToList().Should().BeEmpty();
        p.EndInput();
        p.CityHourly.ReadKeyValuesToList().Select(kv => kv.Key)
            .Should().Equal("Bristol|" + T0, "Watford|" + T0, "Bristol|" + (T0 + Hour));
    }
}
