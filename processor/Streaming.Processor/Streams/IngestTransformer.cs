using System.Text;
using Confluent.Kafka;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>
/// The first step for an input topic on Streamiz (DESIGN §4): decode, validate, the dedup horizon and deduplication,
/// all decided where the record is first read, against its source partition's stream time and watermark, which this
/// processor keeps itself in a changelogged store keyed by partition. Every record ends in exactly one of rejected,
/// beyond-horizon, duplicate or accepted, so conservation holds by construction.
/// </summary>
/// <remarks>
/// Outputs go to named children, one value type per child (the topology casts them back). A record beyond a bounded
/// run's end offset is not processed at all. Nothing here is per record wall-clock: times come from the records.
/// Dedup entries are deleted once the partition's watermark passes their expiry, found through an in-memory index by
/// expiry (<see cref="DedupExpiryIndex"/>), so the dedup store holds about one retention's worth of ids.
/// </remarks>
public abstract class IngestTransformer<T> : ITransformer<SourceKey, byte[], byte[], object>
    where T : class
{
    private readonly IngestSettings<T> _settings;
    private readonly string _clockStoreName;
    private readonly string _dedupStoreName;
    private readonly HashSet<int> _ended = [];
    private readonly DedupExpiryIndex _expiries = new();
    private bool _indexed;
    private long _purgedTo = long.MinValue;
    private SafeDeserializer<T> _decoder = null!;
    private DedupDecision _dedup = null!;
    private IKeyValueStore<int, SourcePartitionClock?> _clocks = null!;
    private IKeyValueStore<string, DedupEntry?> _seen = null!;

    /// <remarks>
    /// Streamiz builds a prototype with a parameterless constructor and then one instance per task through this one
    /// (with the builder's parameters), so the constructor only stores and <see cref="Init"/> builds.
    /// </remarks>
    protected IngestTransformer(IngestSettings<T> settings, string clockStoreName, string dedupStoreName)
    {
        _settings = settings;
        _clockStoreName = clockStoreName;
        _dedupStoreName = dedupStoreName;
    }

    protected ProcessorOptions Options => _settings.Options;

    protected InputBounds Bounds => _settings.Bounds;

    protected TimeSpan FlushInterval => _settings.FlushInterval;

    protected ConservationCounters Counters { get; private set; } = null!;

    protected ProcessorContext<byte[], object> Context { get; private set; } = null!;

    /// <summary>Child node names of the rejected and late sinks.</summary>
    protected abstract string RejectedChild { get; }

    protected abstract string LateChild { get; }

    public virtual void Init(ProcessorContext<byte[], object> context)
    {
        Context = context;
        Counters = _settings.Summary.CountersFor(_settings.Topic);
        _decoder = new SafeDeserializer<T>(_settings.Decoder);
        _dedup = new DedupDecision(_settings.Options);
        _clocks = (IKeyValueStore<int, SourcePartitionClock?>)context.GetStateStore(_clockStoreName);
        _seen = (IKeyValueStore<string, DedupEntry?>)context.GetStateStore(_dedupStoreName);
    }

    public Record<byte[], object>? Process(Record<SourceKey, byte[]> record)
    {
        var source = record.TopicPartitionOffset;
        var partition = source.Partition.Value;
        if (Bounds.IsBeyondEnd(source.Topic, partition, source.Offset.Value))
        {
            return null;
        }
        Counters.CountIn();
        EnsureIndexed();
        var clock = ClockOf(partition);
        var watermarkBefore = Watermark(partition, clock);
        var eventTime = Judge(record, clock, watermarkBefore);
        // Stream time moves after the record: it was judged against the time before it. Rejected records never move it.
        var after = clock.After(source.Offset.Value, eventTime);
        _clocks.Put(partition, after);
        PurgeExpired(after);
        var watermarkAfter = Watermark(partition, after);
        if (watermarkAfter > watermarkBefore)
        {
            OnWatermarkAdvanced(watermarkAfter);
        }
        MaybeEndPartition(partition, after);
        return null;
    }

    public virtual void Close()
    {
    }

    /// <summary>The source partition's watermark: stream time − allowed lateness, or stream time once its bounded input ended.</summary>
    protected long Watermark(int partition) => Watermark(partition, ClockOf(partition));

    /// <summary>The partition of the source topic this task reads (one per task: each ingest sub-topology has one source).</summary>
    protected int TaskPartition => Context.Id.Partition;

    protected bool HasEnded(int partition) => _ended.Contains(partition);

    /// <summary>Ends the partition when a bounded run has read all of it: the watermark moves to stream time, once.</summary>
    protected void MaybeEndPartition(int partition) => MaybeEndPartition(partition, ClockOf(partition));

    // The clock is passed in on the per-record path, which has just written it: no second store read per record.
    private void MaybeEndPartition(int partition, SourcePartitionClock clock)
    {
        if (_ended.Contains(partition) || !Bounds.HasEnded(_settings.Topic, partition, clock.NextOffset))
        {
            return;
        }
        var before = Watermark(partition, clock);
        _ended.Add(partition);
        var after = Watermark(partition, clock);
        if (after > before)
        {
            OnWatermarkAdvanced(after);
        }
        OnEndOfInput(partition);
        Bounds.EndPartition(_settings.Topic, partition);
    }

    protected abstract ValidationFailure? Validate(T value, long? partitionStreamTime);

    protected abstract string IdOf(T value);

    protected abstract long EventTimeOf(T value);

    /// <summary>A valid, unique record: route it onwards. <paramref name="watermark"/> is its source partition's at arrival.</summary>
    protected abstract void Accept(byte[]? key, T value, long watermark, long sourceOffset);

    protected abstract object LateRecordOf(T value, long watermark, LateReason reason);

    /// <summary>The partition's watermark advanced (after a record, or at end of input).</summary>
    protected virtual void OnWatermarkAdvanced(long watermark)
    {
    }

    /// <summary>The partition's bounded input ended; its watermark is already its stream time.</summary>
    protected virtual void OnEndOfInput(int partition)
    {
    }

    /// <summary>Forwards one output to a named child with the timestamp the record should carry.</summary>
    protected void Forward(byte[]? key, object value, long timestamp, string child)
    {
        Context.ChangeTimestamp(Math.Max(timestamp, 0));
        Context.Forward(key!, value, child);
    }

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    protected void ForwardLate(byte[]? key, T value, long watermark, LateReason reason) =>
        Forward(key, LateRecordOf(value, watermark, reason), EventTimeOf(value), LateChild);

    /// <summary>Decides the record; returns its event time when it may advance stream time, null when rejected.</summary>
    private long? Judge(Record<SourceKey, byte[]> record, SourcePartitionClock clock, long watermark)
    {
        var source = record.TopicPartitionOffset;
        var decoded = _decoder.Deserialize(record.Value, record.Value is null, new SerializationContext(MessageComponentType.Value, source.Topic));
        if (!decoded.Ok)
        {
            Reject(record, decoded.Reason!, decoded.Detail!);
            return null;
        }
        var value = decoded.Value!;
        var failure = Validate(value, clock.StreamTimeOrNull);
        if (failure is not null)
        {
            Reject(record, failure.Reason, failure.Detail);
            return null;
        }
        var id = IdOf(value);
        var eventTime = EventTimeOf(value);
        var stored = _seen.Get(id);
        switch (_dedup.Decide(stored, source.Partition.Value, source.Offset.Value, eventTime, watermark))
        {
            case DedupOutcome.BeyondHorizon:
                Counters.CountBeyondHorizon();
                ForwardLate(record.Key.Bytes, value, watermark, LateReason.BeyondDedupHorizon);
                break;
            case DedupOutcome.Duplicate:
                Counters.CountDuplicate();
                break;
            case DedupOutcome.First:
            case DedupOutcome.Replay:
                var entry = DedupDecision.EntryFor(source.Partition.Value, source.Offset.Value, eventTime);
                _seen.Put(id, entry);
                _expiries.Add(entry.ExpiresAt(_dedup.RetentionMs), id);
                Counters.CountAccepted();
                Accept(record.Key.Bytes, value, watermark, source.Offset.Value);
                break;
        }
        return eventTime;
    }

    private void Reject(Record<SourceKey, byte[]> record, string reason, string detail)
    {
        Counters.CountRejected(reason);
        var source = record.TopicPartitionOffset;
        var rejected = new Rejected(source.Topic, source.Partition.Value, source.Offset.Value, reason, detail, record.Key.Bytes, record.Value);
        Forward(record.Key.Bytes, rejected, record.Timestamp.UnixTimestampMs, RejectedChild);
    }

    /// <summary>
    /// Deletes the dedup entries no later decision can use (DESIGN §4: an id is remembered until the watermark passes
    /// its event time + retention), through the store, so the changelog gets a tombstone and a restore does not bring
    /// them back.
    /// </summary>
    /// <remarks>
    /// <para>No output can change: <see cref="DedupDecision"/> treats an entry expired at the decision's watermark as
    /// absent, and every later decision on this partition is made at this watermark or a later one. A record with a
    /// purged id is therefore a first occurrence, as it would have been with the entry kept (or beyond the horizon,
    /// decided before the store is read).</para>
    /// <para>The watermark used leaves out the end-of-input step (it is stream time − allowed lateness, from the
    /// changelogged clock): a later run on the same application id starts again from that watermark, not from
    /// stream time, and must find every entry it can still use.</para>
    /// <para>A task reads one partition of its sub-topology's only source, so every entry in its store was first read
    /// from this partition, and a record with that id can only come back on it.</para>
    /// </remarks>
    private void PurgeExpired(SourcePartitionClock clock)
    {
        var watermark = clock.Watermark(Options.AllowedLatenessMs, ended: false);
        if (watermark <= _purgedTo)
        {
            return;
        }
        _purgedTo = watermark;
        foreach (var id in _expiries.TakeDue(watermark))
        {
            // The index may list an id whose entry a later first occurrence replaced; that entry has its own listing.
            if (_seen.Get(id) is { } entry && _dedup.IsExpired(entry, watermark))
            {
                _seen.Delete(id);
            }
        }
    }

    /// <summary>Lists the stored ids by expiry on first use after a start or restore (the index is not persisted).</summary>
    private void EnsureIndexed()
    {
        if (_indexed)
        {
            return;
        }
        foreach (var stored in _seen.All())
        {
            if (stored.Value is { } entry)
            {
                _expiries.Add(entry.ExpiresAt(_dedup.RetentionMs), stored.Key);
            }
        }
        _indexed = true;
    }

    private SourcePartitionClock ClockOf(int partition) => _clocks.Get(partition) ?? SourcePartitionClock.Empty;

    private long Watermark(int partition, SourcePartitionClock clock) => clock.Watermark(Options.AllowedLatenessMs, _ended.Contains(partition));
}
