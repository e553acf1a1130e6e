using FluentAssertions;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Streams;
using Xunit;
using static Streaming.Processor.Tests.Streams.StreamizPipelineDriver;

namespace Streaming.Processor.Tests.Streams;

/// <summary>
/// Streamiz's synchronous TopologyTestDriver runs one partition per topic, so two upstream trips partitions are played
/// by piping their partials and markers straight into the city repartition topic, in the order upstream would send them.
/// </summary>
public sealed class StreamizWindowAndEndOfInputTests
{
    [Fact]
    public void ShouldEmitWindowOnceExactlyWhenTheMinimumOfTwoUpstreamWatermarksReachesItsEnd()
    {
        using var p = new StreamizPipelineDriver();
        Partial(p, "Leeds", T0, fare: 4);
        Marker(p, upstream: 0, T0 + (2 * Hour));              // upstream 1 not heard from: nothing closes
        Partial(p, "Leeds", T0, fare: 6);                     // upstream 1's partial for the same window
        Marker(p, upstream: 1, T0 + Hour - 1);                // minimum T0 + 1h - 1 ms: still open
        p.CityHourly.ReadValuesToList().Should().BeEmpty();

        Marker(p, upstream: 1, T0 + Hour);                    // minimum = T0 + 1h = window end: closes
        p.CityHourly.ReadValuesToList().Select(w => (w.City, w.WindowStart, w.Trips, w.FareSum))
            .Should().Equal(("Leeds", T0, 2L, 10.0));

        Marker(p, upstream: 0, T0 + (3 * Hour));
        Marker(p, upstream: 1, T0 + (3 * Hour));
        p.CityHourly.ReadValuesToList().Should().BeEmpty("the window is emitted once");
    }

    [Fact]
    public void ShouldMergeEachUpstreamPositionOnceAndSkipAReplayForAnEmittedWindow()
    {
        using var p = new StreamizPipelineDriver();
        Partial(p, "Leeds", T0, fare: 4, upstream: 0, through: 10);
        Partial(p, "Leeds", T0, fare: 4, upstream: 0, through: 10);   // replayed after a restart: merged already
        Partial(p, "Leeds", T0, fare: 5, upstream: 1, through: 10);   // the other partition's own offsets
        Partial(p, "Leeds", T0, fare: 6, upstream: 0, through: 12);   // goes past the last one: merged
        Marker(p, upstream: 0, T0 + Hour);
        Marker(p, upstream: 1, T0 + Hour);
        p.CityHourly.ReadValuesToList().Select(w => (w.City, w.WindowStart, w.Trips, w.FareSum)).Should().Equal(("Leeds", T0, 3L, 15.0));

        Partial(p, "Leeds", T0, fare: 6, upstream: 0, through: 12);   // a replay that reaches the emitted window
        p.CityHourly.ReadValuesToList().Should().BeEmpty();
        p.Summary.ReplayedPartials.Should().Be(2);
    }

    [Fact]
    public void ShouldEmitEveryOpenWindowWhenBothUpstreamPartitionsEnd()
    {
        using var p = new StreamizPipelineDriver();
        Partial(p, "York", T0 + (5 * Hour), fare: 1);
        Partial(p, "Bath", T0 + (5 * Hour), fare: 2);
        Marker(p, upstream: 0, T0, endOfInput: true);
        p.CityHourly.ReadValuesToList().Should().BeEmpty("upstream 1 has not ended and its watermark is unknown");

        Marker(p, upstream: 1, T0 + Hour, endOfInput: true);
        p.CityHourly.ReadKeyValuesToList().Select(kv => kv.Key)
            .Should().Equal("Bath|" + (T0 + (5 * Hour)), "York|" + (T0 + (5 * Hour)));
    }

    [Fact]
    public void ShouldEndInputAtTheLastRecordWhenTheBoundIsKnownBeforeIt()
    {
        using var p = new StreamizPipelineDriver();
        p.Bounds.Set(Topics.Trips, 0, 0, 2);
        p.Send(Trip("a", T0 + Minute, city: "Bristol"));
        p.CityHourly.ReadValuesToList().Should().BeEmpty();
        p.Send(Trip("b", T0 + Hour + Minute, city: "Bristol"));   // offset 1, the last: watermark = stream time, all close

        p.CityHourly.ReadKeyValuesToList().Select(kv => kv.Key).Should().Equal("Bristol|" + T0, "Bristol|" + (T0 + Hour));
        p.Send(Trip("c", T0 + (2 * Hour)));                       // beyond the run's end: not processed at all
        p.Clean.ReadValuesToList().Select(t => t.TripId).Should().Equal("a", "b");
        p.Summary.Conservation().Single(c => c.Topic == Topics.Trips).In.Should().Be(2);
    }

    [Fact]
    public void ShouldExpireStrikesUpToTheLastEventTimeAtEndOfInput()
    {
        var options = new ProcessorOptions { StrikeTtl = TimeSpan.FromMinutes(5) };
        using var p = new StreamizPipelineDriver(options);
        p.Send(Message("m1", "s1", T0, "darn"));
        p.Send(Message("m2", "s2", T0 + (6 * Minute)));            // watermark T0 - 4 min: m1 (expiry T0 + 5 min) active
        p.StrikeStatus.ReadValuesToList().Should().HaveCount(1);

        p.EndInput();                                              // watermark = stream time T0 + 6 min ≥ expiry
        p.StrikeStatus.ReadValuesToList().Should().Equal(new StrikeStatus("s1", 0, 0, 1.0, SenderStatus.Active, null, T0 + (5 * Minute)));
    }

    [Fact]
    public void ShouldRejectAKeylessUndecodableTripInsteadOfLosingIt()
    {
        using var p = new StreamizPipelineDriver();
        p.SendRawTrip(null!, [9, 9], T0);
        p.Summary.Conservation().Single(c => c.Topic == Topics.Trips).Rejected.Should().Be(1);
        var rejected = p.TripsRejected.ReadValuesToList().Single();
        rejected.Reason.Should().Be(RejectReasons.Undecodable);
        rejected.RawKey.Should().BeNull();
        rejected.RawValue.Should().Equal(9, 9);
    }

    // Each partial goes past the last: the window task skips one that does not (a replay).
    private static long s_throughOffset;

    private static void Partial(StreamizPipelineDriver p, string city, long windowStart, double fare, int upstream = 0, long? through = null)
    {
        var accumulator = new CityHourlyAccumulator();
        accumulator.Add(Trip(city + fare, windowStart + Minute, city, fare: fare));
        p.Repartition.PipeInput(System.Text.Encoding.UTF8.GetBytes(city), CityRepartitionRecord.Of(city, new CityHourlyPartial(windowStart, accumulator, upstream, through ?? Interlocked.Increment(ref s_throughOffset))));
    }

    private static void Marker(StreamizPipelineDriver p, int upstream, long watermark, bool endOfInput = false) =>
        p.Repartition.PipeInput(CityRepartitionPartitioner.MarkerKey(0), CityRepartitionRecord.Of(new WatermarkMarker(upstream, 2, 0, watermark, endOfInput)));
}
