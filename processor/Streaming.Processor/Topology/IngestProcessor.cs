using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// The first step for an input topic (DESIGN §4): decode, validate, the dedup horizon, and deduplication, all decided
/// where the record is first read, against its source partition's stream time and watermark. Conservation holds by
/// construction: every record ends in exactly one of rejected, beyond-horizon, duplicate or accepted.
/// </summary>
public abstract class IngestProcessor<T, TLate> : ContextualProcessor<byte[]?, Decoded<T>>
    where T : class
{
    private readonly string _dedupStoreName;
    private readonly DedupDecision _dedup;
    private IKeyValueStore<string, DedupEntry> _seen = null!;

    protected IngestProcessor(ProcessorOptions options, ConservationCounters counters, string dedupStoreName)
    {
        Options = options;
        Counters = counters;
        _dedupStoreName = dedupStoreName;
        _dedup = new DedupDecision(options);
    }

    protected ProcessorOptions Options { get; }

    protected ConservationCounters Counters { get; }

    /// <summary>Child node names of the rejected and late sinks.</summary>
    protected abstract string RejectedChild { get; }

    protected abstract string LateChild { get; }

    public override void Init(IProcessorContext context)
    {
        base.Init(context);
        _seen = context.GetStateStore<IKeyValueStore<string, DedupEntry>>(_dedupStoreName);
    }

    public sealed override void Process(Record<byte[]?, Decoded<T>> record)
    {
        Counters.CountIn();
        var decoded = record.Value;
        if (!decoded.Ok)
        {
            Reject(decoded.Reason!, decoded.Detail!);
            return;
        }
        var value = decoded.Value!;
        var partitionStreamTime = Context.SourcePartitionStreamTime;
        var failure = Validate(value, partitionStreamTime == long.MinValue ? null : partitionStreamTime);
        if (failure is not null)
        {
            Reject(failure.Reason, failure.Detail);
            return;
        }

        var source = Context.RecordMetadata!;
        var watermark = Context.SourcePartitionWatermark;
        var id = IdOf(value);
        var eventTime = EventTimeOf(value);
        var stored = _seen.TryGet(id, out var entry) ? entry : (DedupEntry?)null;
        switch (_dedup.Decide(stored, source.Partition, source.Offset, eventTime, watermark))
        {
            case DedupOutcome.BeyondHorizon:
                Counters.CountBeyondHorizon();
                ForwardLate(record.Key, value, watermark, LateReason.BeyondDedupHorizon);
                break;
            case DedupOutcome.Duplicate:
                Counters.CountDuplicate();
                break;
            case DedupOutcome.First:
            case DedupOutcome.Replay:
                _seen.Put(id, DedupDecision.EntryFor(source.Partition, source.Offset, eventTime));
                Counters.CountAccepted();
                Accept(record.Key, value, watermark);
                break;
        }
    }

    protected abstract ValidationFailure? Validate(T value, long? partitionStreamTime);

    protected abstract string IdOf(T value);

    protected abstract long EventTimeOf(T value);

    /// <summary>A valid, unique record: route it onwards. <paramref name="watermark"/> is its source partition's.</summary>
    protected abstract void Accept(byte[]? key, T value, long watermark);

    protected abstract TLate LateRecordOf(T value, long watermark, LateReason reason);

    protected void ForwardLate(byte[]? key, T value, long watermark, LateReason reason) =>
        Context.Forward(new Record<byte[]?, TLate>(key, LateRecordOf(value, watermark, reason), EventTimeOf(value)), LateChild);

    private void Reject(string reason, string detail)
    {
        // Rejected records never advance stream time (DESIGN §4).
        Context.ExcludeCurrentRecordFromStreamTime();
        Counters.CountRejected(reason);
        var source = Context.RecordMetadata!;
        var rejected = new Rejected(source.Topic, source.Partition, source.Offset, reason, detail, source.RawKey, source.RawValue);
        Context.Forward(new Record<byte[]?, Rejected>(source.RawKey, rejected, source.Timestamp), RejectedChild);
    }
}
