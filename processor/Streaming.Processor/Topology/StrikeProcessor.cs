using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// Keeps one <see cref="StrikeLedger"/> per sender and writes a StrikeStatus on every change: a new strike, an expiry
/// driven by the watermark, or becoming INACTIVE. Also forwards each flagged message to <c>messages.flagged</c>.
/// </summary>
/// <remarks>
/// Expiries are found through an in-memory index of (next expiry, sender), rebuilt from the store after a restore, so
/// a watermark step costs only the senders that are due. Senders are expired in (expiry, sender id) order.
/// </remarks>
public sealed class StrikeProcessor(ProcessorOptions options, RunSummary summary) : ContextualProcessor<string, FlaggedMessage>
{
    private readonly SortedSet<(long Expiry, string Sender)> _due = new();
    private IKeyValueStore<string, StrikeLedger> _ledgers = null!;
    private bool _indexed;

    public override void Init(IProcessorContext context)
    {
        base.Init(context);
        _ledgers = context.GetStateStore<IKeyValueStore<string, StrikeLedger>>(PipelineTopology.StrikeLedgerStore);
    }

    public override void Process(Record<string, FlaggedMessage> record)
    {
        EnsureIndexed();
        var flagged = record.Value;
        Context.Forward(record, PipelineTopology.MessagesFlaggedSink);

        var ledger = _ledgers.TryGet(flagged.SenderId, out var existing) ? existing : new StrikeLedger(flagged.SenderId, options);
        Unindex(ledger);
        var result = ledger.AddStrike(flagged.ToMessage(), Context.SourcePartitionWatermark);
        Save(ledger);
        for (var i = 0; i < result.Changes.Count; i++)
        {
            // AddStrike first expires what is due, then adds: only its last change can be the new strike.
            var newStrike = result.Outcome == StrikeOutcome.Added && i == result.Changes.Count - 1;
            Emit(result.Changes[i], newStrike);
        }
    }

    public override void OnWatermark(long watermark)
    {
        EnsureIndexed();
        while (_due.Count > 0 && _due.Min.Expiry <= watermark)
        {
            var (_, sender) = _due.Min;
            _due.Remove(_due.Min);
            var ledger = _ledgers.Get(sender)!;
            var changes = ledger.ApplyWatermark(watermark);
            Save(ledger);
            foreach (var status in changes)
            {
                Emit(status, newStrike: false);
            }
        }
    }

    private void Emit(StrikeStatus status, bool newStrike)
    {
        summary.StrikeStatusEmitted(status, newStrike);
        Context.Forward(new Record<string, StrikeStatus>(status.SenderId, status, status.AsOf), PipelineTopology.StrikeStatusSink);
    }

    private void Save(StrikeLedger ledger)
    {
        _ledgers.Put(ledger.SenderId, ledger);
        if (ledger.NextExpiry is { } next)
        {
            _due.Add((next, ledger.SenderId));
        }
    }

    private void Unindex(StrikeLedger ledger)
    {
        if (ledger.NextExpiry is { } next)
        {
            _due.Remove((next, ledger.SenderId));
        }
    }

    private void EnsureIndexed()
    {
        if (_indexed)
        {
            return;
        }
        foreach (var (sender, ledger) in _ledgers.All())
        {
            if (ledger.NextExpiry is { } next)
            {
                _due.Add((next, sender));
            }
        }
        _indexed = true;
    }
}
