using System.Text;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>
/// Keeps one <see cref="StrikeLedger"/> per sender in a changelogged store and writes a StrikeStatus on every change: a
/// new strike, an expiry driven by the source partition's watermark, or becoming INACTIVE. Also forwards each flagged
/// message to <c>messages.flagged</c>.
/// </summary>
/// <remarks>
/// Expiries are found through an in-memory index of (next expiry, sender), rebuilt from the store on first use after
/// a start or restore, so a watermark step costs only the senders that are due. Senders expire in (expiry, sender id) order.
/// </remarks>
public sealed class StrikeTransformer(ProcessorOptions options, RunSummary summary) : ITransformer<byte[], object, byte[], object>
{
    /// <summary>Streamiz's prototype instance: it builds one with this constructor and one per task with the builder's parameters.</summary>
    public StrikeTransformer()
        : this(null!, null!)
    {
    }

    private readonly SortedSet<(long Expiry, string Sender)> _due = new();
    private ProcessorContext<byte[], object> _context = null!;
    private IKeyValueStore<string, StrikeLedger> _ledgers = null!;
    private bool _indexed;

    public void Init(ProcessorContext<byte[], object> context)
    {
        _context = context;
        _ledgers = (IKeyValueStore<string, StrikeLedger>)context.GetStateStore(StreamizPipelineTopology.StrikeLedgerStore);
    }

    public Record<byte[], object>? Process(Record<byte[], object> record)
    {
        EnsureIndexed();
        var input = (StrikeInput)record.Value;
        if (input.Flagged is { } flagged)
        {
            AddStrike(flagged, input.Watermark);
        }
        else
        {
            Expire(input.AdvancedTo!.Value);
        }
        return null;
    }

    public void Close()
    {
    }

    private void AddStrike(FlaggedMessage flagged, long watermark)
    {
        Forward(flagged.SenderId, flagged, flagged.SentAt, StreamizPipelineTopology.MessagesFlagged);
        var ledger = _ledgers.Get(flagged.SenderId) ?? new StrikeLedger(flagged.SenderId, options);
        Unindex(ledger);
        var result = ledger.AddStrike(flagged.ToMessage(), watermark);
        Save(ledger);
        for (var i = 0; i < result.Changes.Count; i++)
        {
            // AddStrike first expires what is due, then adds: only its last change can be the new strike.
            var newStrike = result.Outcome == StrikeOutcome.Added && i == result.Changes.Count - 1;
            Emit(result.Changes[i], newStrike);
        }
    }

    private void Expire(long watermark)
    {
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
        Forward(status.SenderId, status, status.AsOf, StreamizPipelineTopology.StrikeStatus);
    }

    private void Forward(string key, object value, long timestamp, string child)
    {
        _context.ChangeTimestamp(Math.Max(timestamp, 0));
        _context.Forward(Encoding.UTF8.GetBytes(key), value, child);
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
        foreach (var entry in _ledgers.All())
        {
            if (entry.Value.NextExpiry is { } next)
            {
                _due.Add((next, entry.Key));
            }
        }
        _indexed = true;
    }
}
