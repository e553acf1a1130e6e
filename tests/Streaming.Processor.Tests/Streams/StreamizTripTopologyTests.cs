using FluentAssertions;
using Streaming.Contracts.Events;
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
}
