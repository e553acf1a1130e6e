using FluentAssertions;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class DedupDecisionTests
{
    private readonly DedupDecision _dedup = new(Options);

    [Fact]
    public void ShouldTreatAnUnknownIdAsFirst()
    {
        _dedup.Decide(null, sourcePartition: 0, sourceOffset: 5, eventTime: T0, watermark: T0 - 10 * Minute).Should().Be(DedupOutcome.First);
    }

    [Fact]
    public void ShouldDropTheSameIdAtAnotherOffsetAsDuplicateWithinRetention()
    {
        var stored = DedupDecision.EntryFor(0, 5, T0);

        _dedup.Decide(stored, 0, 9, T0, T0).Should().Be(DedupOutcome.Duplicate);
        _dedup.Decide(stored, 0, 9, T0 + 2 * Hour, T0 + 23 * Hour).Should().Be(DedupOutcome.Duplicate);
    }

    [Fact]
    public void ShouldTreatTheSameOffsetInAnotherPartitionAsDuplicate()
    {
        _dedup.Decide(DedupDecision.EntryFor(0, 5, T0), 1, 5, T0, T0).Should().Be(DedupOutcome.Duplicate);
    }

    [Fact]
    public void ShouldTreatTheStoredPositionReadAgainAsReplayNotDuplicate()
    {
        var stored = DedupDecision.EntryFor(2, 41, T0);

        _dedup.Decide(stored, 2, 41, T0, T0 + Hour).Should().Be(DedupOutcome.Replay);
    }

    [Fact]
    public void ShouldForgetAnIdOnceTheWatermarkReachesEventTimePlusRetention()
    {
        // Stored at event time T0; a later copy with event time T0 + 2 h keeps clear of the horizon.
        var stored = DedupDecision.EntryFor(0, 5, T0);
        var laterCopyTime = T0 + 2 * Hour;

        _dedup.Decide(stored, 0, 9, laterCopyTime, T0 + Day - 1).Should().Be(DedupOutcome.Duplicate);
        _dedup.Decide(stored, 0, 9, laterCopyTime, T0 + Day).Should().Be(DedupOutcome.First);
        _dedup.IsExpired(stored, T0 + Day - 1).Should().BeFalse();
        _dedup.IsExpired(stored, T0 + Day).Should().BeTrue();
        stored.ExpiresAt(_dedup.RetentionMs).Should().Be(T0 + Day);
    }

    [Fact]
    public void ShouldPutAnEventBeyondTheHorizonAtTheExactBoundary()
    {
        // event time + 24 h ≤ watermark → beyond the horizon; one millisecond less → checked normally.
        _dedup.Decide(null, 0, 1, T0, watermark: T0 + Day).Should().Be(DedupOutcome.BeyondHorizon);
        _dedup.Decide(null, 0, 1, T0, watermark: T0 + Day - 1).Should().Be(DedupOutcome.First);
        _dedup.IsBeyondHorizon(T0, T0 + Day).Should().BeTrue();
        _dedup.IsBeyondHorizon(T0, T0 + Day - 1).Should().BeFalse();
    }

    [Fact]
    public void ShouldCheckTheHorizonBeforeTheStore()
    {
        var stored = DedupDecision.EntryFor(0, 5, T0);

        _dedup.Decide(stored, 0, 5, T0, T0 + 2 * Day).Should().Be(DedupOutcome.BeyondHorizon);
        _dedup.Decide(stored, 0, 9, T0, T0 + 2 * Day).Should().Be(DedupOutcome.BeyondHorizon);
    }

    [Fact]
    public void ShouldKeepTheFirstOccurrenceWhenReplayingADuplicatesOffset()
    {
        // First occurrence at offset 5, duplicate at 9 (not stored). Reading offset 9 again is still a duplicate,
        // and reading offset 5 again is a replay: the decisions repeat exactly.
        var stored = DedupDecision.EntryFor(0, 5, T0);

        _dedup.Decide(stored, 0, 9, T0, T0).Should().Be(DedupOutcome.Duplicate);
        _dedup.Decide(stored, 0, 9, T0, T0).Should().Be(DedupOutcome.Duplicate);
        _dedup.Decide(stored, 0, 5, T0, T0).Should().Be(DedupOutcome.Replay);
    }

    [Fact]
    public void ShouldUseTheConfiguredRetention()
    {
        var dedup = new DedupDecision(new ProcessorOptions { DedupRetention = TimeSpan.FromHours(1) });

        dedup.Decide(null, 0, 1, T0, T0 + Hour).Should().Be(DedupOutcome.BeyondHorizon);
        dedup.Decide(DedupDecision.EntryFor(0, 0, T0), 0, 1, T0 + 30 * Minute, T0 + Hour).Should().Be(DedupOutcome.First);
    }
}
