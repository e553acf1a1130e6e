using Streamiz.Kafka.Net.Processors.Public;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>
/// Messages ingest on Streamiz: an accepted message holding a marked word becomes a FlaggedMessage for the strike
/// ledger; every advance of the partition's watermark is passed on too, after the record that caused it, because the
/// watermark drives strike expiry. Messages are keyed by sender, so each sender's ledger lives in the task that reads
/// its partition.
/// </summary>
public sealed class MessageIngestTransformer : IngestTransformer<MessageEvent>
{
    private readonly MarkedWordMatcher _matcher;
    private MessageValidator _validator = null!;

    /// <summary>Streamiz's prototype instance (see <see cref="IngestTransformer{T}"/>); never run.</summary>
    public MessageIngestTransformer()
        : this(null!, null!)
    {
    }

    public MessageIngestTransformer(IngestSettings<MessageEvent> settings, MarkedWordMatcher matcher)
        : base(settings, StreamizPipelineTopology.MessageClockStore, StreamizPipelineTopology.MessageDedupStore)
    {
        _matcher = matcher;
    }

    protected override string RejectedChild => StreamizPipelineTopology.MessagesRejected;

    protected override string LateChild => StreamizPipelineTopology.MessagesLate;

    public override void Init(ProcessorContext<byte[], object> context)
    {
        base.Init(context);
        _validator = new MessageValidator(Options);
        // A partition with nothing to read in a bounded run sees no record; its end comes from this punctuation.
        context.Schedule(FlushInterval, PunctuationType.PROCESSING_TIME, _ => MaybeEndPartition(TaskPartition));
    }

    protected override ValidationFailure? Validate(MessageEvent value, long? partitionStreamTime) => _validator.Validate(value, partitionStreamTime);

    protected override string IdOf(MessageEvent value) => value.MessageId;

    protected override long EventTimeOf(MessageEvent value) => value.SentAt;

    protected override object LateRecordOf(MessageEvent value, long watermark, LateReason reason) => new MessageLate(value, watermark, reason);

    protected override void Accept(byte[]? key, MessageEvent value, long watermark, long sourceOffset)
    {
        var matched = _matcher.Match(value.Text);
        if (matched.Count == 0)
        {
            return;
        }
        var flagged = FlaggedMessage.From(value, matched);
        Forward(Utf8(value.SenderId), StrikeInput.Of(flagged, watermark), value.SentAt, StreamizPipelineTopology.Strikes);
    }

    protected override void OnWatermarkAdvanced(long watermark) =>
        Forward([], StrikeInput.Advance(watermark), watermark, StreamizPipelineTopology.Strikes);
}
