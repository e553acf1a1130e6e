using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// Messages sub-topology, first step: an accepted message holding a marked word becomes a FlaggedMessage, written to
/// <c>messages.flagged</c> and passed to the strike ledger. Messages are keyed by sender, so each sender's ledger
/// lives in the task that reads its partition.
/// </summary>
public sealed class MessageIngestProcessor(ProcessorOptions options, ConservationCounters counters, MarkedWordMatcher matcher)
    : IngestProcessor<MessageEvent, MessageLate>(options, counters, PipelineTopology.MessageDedupStore)
{
    private readonly MessageValidator _validator = new(options);

    protected override string RejectedChild => PipelineTopology.MessagesRejectedSink;

    protected override string LateChild => PipelineTopology.MessagesLateSink;

    protected override ValidationFailure? Validate(MessageEvent value, long? partitionStreamTime) => _validator.Validate(value, partitionStreamTime);

    protected override string IdOf(MessageEvent value) => value.MessageId;

    protected override long EventTimeOf(MessageEvent value) => value.SentAt;

    protected override MessageLate LateRecordOf(MessageEvent value, long watermark, LateReason reason) => new(value, watermark, reason);

    protected override void Accept(byte[]? key, MessageEvent value, long watermark)
    {
        var matched = matcher.Match(value.Text);
        if (matched.Count == 0)
        {
            return;
        }
        var flagged = FlaggedMessage.From(value, matched);
        Context.Forward(new Record<string, FlaggedMessage>(value.SenderId, flagged, value.SentAt), PipelineTopology.Strikes);
    }
}
