using FluentAssertions;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Xunit;
using static Streaming.Processor.Tests.Streams.StreamizPipelineDriver;

namespace Streaming.Processor.Tests.Streams;

/// <summary>Validation, deduplication and the dedup horizon on the messages path (watermark = stream time − 10 min).</summary>
public sealed class StreamizMessageIngestTests
{
    [Fact]
    public void ShouldRejectEachInvalidMessageWithItsReasonAndNothingElse()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Message("ok-1", "s1", T0, "darn"));
        p.SendRawMessage("junk", [1, 2, 3], T0);
        p.SendRawMessage("unknown", [0, 0, 0, 0x7F, 0xFF, 2, 4], T0);
        p.Send(Message("", "s1", T0 + Minute, "darn"));
        p.Send(Message("no-text", "s1", T0 + Minute, " "));
        p.Send(Message("future", "s1", T0 + Day + 1, "darn"));

        var rejected = p.MessagesRejected.ReadValuesToList();
        rejected.Select(r => (r.Reason, r.SourceOffset)).Should().Equal(
            (RejectReasons.Undecodable, 1L), (RejectReasons.UnknownSchema, 2L), (RejectReasons.MissingField, 3L),
            (RejectReasons.MissingField, 4L), (RejectReasons.FutureTimestamp, 5L));
        rejected.Should().OnlyContain(r => r.SourceTopic == Topics.Messages && r.SourcePartition == 0);
        rejected[0].RawKey.Should().Equal("junk"u8.ToArray());
        rejected[0].RawValue.Should().Equal(1, 2, 3);
        p.Flagged.ReadValuesToList().Select(f => f.MessageId).Should().Equal("ok-1");
        p.StrikeStatus.ReadValuesToList().Select(s => (s.SenderId, s.ActiveStrikes)).Should().Equal(("s1", 1));
        p.MessagesLate.ReadValuesToList().Should().BeEmpty();

        var messages = p.Summary.Conservation().Single(c => c.Topic == Topics.Messages);
        (messages.In, messages.Accepted, messages.Rejected).Should().Be((6L, 1L, 5L));
        messages.Balances.Should().BeTrue();
    }

    [Fact]
    public void ShouldGiveOneStrikeForAMessageIdReadTwice()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Message("m1", "s1", T0, "darn"));
        p.Send(Message("m1", "s1", T0, "darn"));

        p.Flagged.ReadValuesToList().Select(f => f.MessageId).Should().Equal("m1");
        p.StrikeStatus.ReadValuesToList().Should().Equal(new StrikeStatus("s1", 1, 1, 0.9, SenderStatus.Active, T0 + (30 * Day), T0));
        var messages = p.Summary.Conservation().Single(c => c.Topic == Topics.Messages);
        (messages.Accepted, messages.Duplicates).Should().Be((1L, 1L));
    }

    [Fact]
    public void ShouldSendMessageBeyondDedupHorizonToLateOnly()
    {
        using var p = new StreamizPipelineDriver();
        p.Send(Message("first", "s2", T0));
        p.Send(Message("step", "s2", T0 + (12 * Hour)));
        p.Send(Message("now", "s2", T0 + Day + (10 * Minute)));   // watermark = T0 + 24h
        p.Send(Message("old-edge", "s1", T0, "darn"));           // T0 + 24h ≤ watermark: beyond the horizon, no strike
        p.Send(Message("old-inside", "s1", T0 + 1, "darn"));     // one ms inside: accepted, a strike

        p.MessagesLate.ReadValuesToList().Select(l => (l.Message.MessageId, l.Reason, l.WatermarkAtArrival))
            .Should().Equal(("old-edge", LateReason.BeyondDedupHorizon, T0 + Day));
        p.Flagged.ReadValuesToList().Select(f => f.MessageId).Should().Equal("old-inside");
        p.StrikeStatus.ReadValuesToList().Should().Equal(
            new StrikeStatus("s1", 1, 1, 0.9, SenderStatus.Active, T0 + 1 + (30 * Day), T0 + 1));
        var messages = p.Summary.Conservation().Single(c => c.Topic == Topics.Messages);
        (messages.In, messages.Accepted, messages.BeyondHorizon).Should().Be((5L, 4L, 1L));
    }
}
