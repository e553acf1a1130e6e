using FluentAssertions;
using Streaming.Processor.Streams;
using Xunit;

namespace Streaming.Processor.Tests.Streams;

public sealed class DedupExpiryIndexTests
{
    [Fact]
    public void ShouldTakeTheIdsDueAtOrBeforeTheWatermarkEarliestFirstAndOnlyOnce()
    {
        var index = new DedupExpiryIndex();
        index.Add(30, "c");
        index.Add(10, "b");
        index.Add(10, "a");
        index.Add(10, "a");                     // a replay lists the same entry again: kept once

        index.TakeDue(9).Should().BeEmpty();
        index.TakeDue(10).Should().Equal("a", "b");
        index.TakeDue(29).Should().BeEmpty();
        index.Count.Should().Be(1);
        index.TakeDue(long.MaxValue).Should().Equal("c");
    }

    [Fact]
    public void ShouldListAnIdOncePerExpiryItWasStoredWith()
    {
        var index = new DedupExpiryIndex();
        index.Add(10, "a");
        index.Add(50, "a");                     // a later first occurrence replaced the entry

        index.TakeDue(10).Should().Equal("a");
        index.TakeDue(50).Should().Equal("a");
    }
}
