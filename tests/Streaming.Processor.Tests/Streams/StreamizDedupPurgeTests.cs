using FluentAssertions;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Streams;
using Xunit;
using static Streaming.Processor.Tests.Streams.StreamizPipelineDriver;

namespace Streaming.Processor.Tests.Streams;

/// <summary>
/// The dedup stores forget an id once the source partition's watermark reaches its event time + retention (24 h
/// here), by deleting it through the store, and that changes no output. Watermark = stream time − 10 min.
/// </summary>
public sealed class StreamizDedupPurgeTests
{
    private const string TripDedup = StreamizPipelineTopology.TripDedupStore;

    [Fact]
    public void ShouldDeleteATripIdExactlyWhenTheWatermarkReachesItsEventTimePlusRetention()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0));
        p.Send(Trip("b", T0 + Hour));
        p.Send(Trip("c", T0 + (12 * Hour)));
        p.Send(Trip("d", T0 + Day + (10 * Minute) - 1));     // watermark T0 + 24h − 1 ms: "a" still remembered
        p.StoredIds(TripDedup).Should().Equal("a", "b", "c", "d");

        p.Send(Trip("e", T0 + Day + (10 * Minute)));         // watermark T0 + 24h = a's expiry
        p.StoredIds(TripDedup).Should().Equal("b", "c", "d", "e");

        p.Send(Trip("f", T0 + Day + Hour + (10 * Minute)));  // watermark T0 + 25h = b's expiry
        p.StoredIds(TripDedup).Should().Equal("c", "d", "e", "f");
        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("a", "b", "c", "d", "e", "f");
    }

    [Fact]
    public void ShouldDropADuplicateUpToTheExpiryAndAcceptThePurgedIdAsFirstAfterIt()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0));
        p.Send(Trip("step", T0 + (12 * Hour)));
        p.Send(Trip("edge", T0 + Day + (10 * Minute) - 1));   // watermark T0 + 24h − 1 ms
        p.Send(Trip("a", T0 + (2 * Hour)));                   // within the horizon, "a" still stored: duplicate
        p.StoredIds(TripDedup).Should().Contain("a");

        p.Send(Trip("expire", T0 + Day + (10 * Minute)));     // watermark T0 + 24h: "a" purged
        p.StoredIds(TripDedup).Should().NotContain("a");
        p.Send(Trip("a", T0 + (2 * Hour)));                   // a first occurrence again, late for its window

        p.Clean.ReadValuesToList().Select(t => (t.TripId, t.PickupTs)).Should().Equal(
            ("a", T0), ("step", T0 + (12 * Hour)), ("edge", T0 + Day + (10 * Minute) - 1), ("expire", T0 + Day + (10 * Minute)), ("a", T0 + (2 * Hour)));
        p.TripsLate.ReadValuesToList().Select(l => (l.Trip.TripId, l.Reason, l.WatermarkAtArrival))
            .Should().Equal(("a", LateReason.WindowClosed, T0 + Day));
        p.StoredIds(TripDedup).Should().Contain("a");
        var trips = p.Summary.Conservation().Single(c => c.Topic == Topics.Trips);
        (trips.In, trips.Accepted, trips.Duplicates, trips.WindowLate).Should().Be((6L, 5L, 1L, 1L));
    }

    [Fact]
    public void ShouldPurgeIdsRestoredIntoTheStoreBeforeTheFirstRecord()
    {
        using var p = new StreamizPipelineDriver();
        // As a restore from the changelog leaves the store: the expiry index is rebuilt from it on first use.
        p.RestoreDedupEntry(TripDedup, "restored", DedupDecision.EntryFor(0, 0, T0));
        p.Send(Trip("b", T0 + (12 * Hour)));
        p.StoredIds(TripDedup).Should().Equal("b", "restored");

        p.Send(Trip("c", T0 + Day + (10 * Minute)));          // watermark T0 + 24h: "restored" expires
        p.StoredIds(TripDedup).Should().Equal("b", "c");
    }

    [Fact]
    public void ShouldLogATombstoneToTheChangelogForEachPurgedId()
    {
        using var p = new StreamizPipelineDriver();
        var changelog = p.Changelog(TripDedup);
        p.Send(Trip("a", T0));
        p.Send(Trip("b", T0 + (12 * Hour)));
        p.Send(Trip("c", T0 + Day + (10 * Minute)));          // watermark T0 + 24h: "a" purged

        changelog.ReadKeyValuesToList().Select(kv => (kv.Key, Deleted: kv.Value is null))
            .Should().Equal(("a", false), ("b", false), ("c", false), ("a", true));
    }

    [Fact]
    public void ShouldNotPurgeAtTheEndOfInputWatermarkWhichALaterRunStartsBelow()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Trip("a", T0));
        p.Send(Trip("b", T0 + (12 * Hour)));
        p.Send(Trip("c", T0 + Day + (5 * Minute)));           // watermark T0 + 23h 55m; stream time T0 + 24h 5m
        p.EndInput();                                         // watermark = stream time, past a's expiry

        p.CityHourly.ReadValuesToList().Should().HaveCount(3, "end of input closed every window");
        p.StoredIds(TripDedup).Should().Equal("a", "b", "c");
    }

    [Fact]
    public void ShouldDeleteAMessageIdOnceTheWatermarkReachesItsExpiryWithoutChangingStrikes()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Message("m1", "s1", T0, "darn"));
        p.Send(Message("m2", "s2", T0 + (12 * Hour)));
        p.Send(Message("m3", "s2", T0 + Day + (10 * Minute) - 1));
        p.StoredIds(StreamizPipelineTopology.MessageDedupStore).Should().Equal("m1", "m2", "m3");

        p.Send(Message("m4", "s2", T0 + Day + (10 * Minute)));  // watermark T0 + 24h = m1's expiry
        p.StoredIds(StreamizPipelineTopology.MessageDedupStore).Should().Equal("m2", "m3", "m4");
        p.Flagged.ReadValuesToList().Select(f => f.MessageId).Should().Equal("m1");
        p.StrikeStatus.ReadValuesToList().Should().Equal(new StrikeStatus("s1", 1, 1, 0.9, SenderStatus.Active, T0 + (30 * Day), T0));
    }
}
