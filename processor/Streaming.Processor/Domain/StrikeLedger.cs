using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>
/// One sender's strikes and cooldown (DESIGN §4, Strikes and cooldown): the value of the strike store, keyed by
/// sender_id. Every method is a deterministic function of (state, input, watermark).
/// </summary>
/// <remarks>
/// <para><b>Expiry.</b> A strike expires when the watermark reaches sent_at + TTL exactly (one millisecond earlier it
/// is still active). <see cref="ApplyWatermark"/> emits one status per expiring strike, in (expiry, message id) order,
/// each with as_of = its expiry time, so the output does not depend on how the watermark advanced in steps.</para>
/// <para><b>INACTIVE.</b> When active strikes reach the limit the sender is INACTIVE for good, in the same status as
/// the strike that reached it. From then on strikes never expire. Later flagged messages are still recorded as
/// strikes: active_strikes keeps counting and a status is emitted for each, while level stays at the limit.
/// A message whose strike would already have expired on arrival is expired_on_arrival for INACTIVE senders too.</para>
/// <para><b>cooldown_until</b> is the expiry of the oldest active strike, null when there is none. It is null for an
/// INACTIVE sender: nothing expires any more, so there is no cooldown to wait for.</para>
/// <para><b>as_of</b> is the event time of the change (sent_at for a new strike, the expiry time for an expiry), raised
/// to the previous as_of when smaller, so it never goes backwards for a sender.</para>
/// <para><b>Idempotence and bounded state.</b> A strike is one message_id: an id already handled (active, expired, or
/// expired on arrival) changes nothing. Ids of strikes that are no longer active are remembered until the watermark
/// reaches sent_at + max(TTL, dedup retention): by then the upstream dedup horizon turns any replay of that message into
/// <c>beyond_dedup_horizon</c>, and its strike would be expired on arrival anyway. Pruning happens inside
/// <see cref="ApplyWatermark"/>. The ledger itself (id, counters, as_of) is small and is kept for every sender.</para>
/// </remarks>
public sealed class StrikeLedger
{
    private readonly long _ttlMs;
    private readonly long _seenRetentionMs;
    private readonly int _limit;
    private readonly double _salaryStep;
    private readonly List<ActiveStrike> _active;
    private readonly SortedDictionary<string, long> _seen;
    private StrikeCounters _counters;

    /// <summary>An empty ledger for a sender.</summary>
    public StrikeLedger(string senderId, ProcessorOptions options)
        : this(senderId, options, [], [], false, null, default)
    {
    }

    private StrikeLedger(
        string senderId,
        ProcessorOptions options,
        IEnumerable<ActiveStrike> active,
        IEnumerable<KeyValuePair<string, long>> seen,
        bool inactive,
        long? lastAsOf,
        StrikeCounters counters)
    {
        ArgumentNullException.ThrowIfNull(senderId);
        ArgumentNullException.ThrowIfNull(options);
        SenderId = senderId;
        _ttlMs = options.StrikeTtlMs;
        _seenRetentionMs = Math.Max(options.StrikeTtlMs, options.DedupRetentionMs);
        _limit = options.StrikeLimit;
        _salaryStep = options.SalaryStep;
        _active = [.. active];
        _active.Sort(CompareByExpiry);
        _seen = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, sentAt) in seen)
        {
            _seen[id] = sentAt;
        }
        IsInactive = inactive;
        LastAsOf = lastAsOf;
        _counters = counters;
    }

    /// <summary>The sender.</summary>
    public string SenderId { get; }

    /// <summary>Active strikes, oldest expiry first.</summary>
    public IReadOnlyList<ActiveStrike> ActiveStrikes => _active;

    /// <summary>Ids of handled messages that are not active strikes, with their sent_at, by id (ordinal).</summary>
    public IReadOnlyDictionary<string, long> SeenMessageIds => _seen;

    /// <summary>True once the sender reached the strike limit; final.</summary>
    public bool IsInactive { get; private set; }

    /// <summary>as_of of the last status emitted, or null before the first.</summary>
    public long? LastAsOf { get; private set; }

    /// <summary>Lifetime counters.</summary>
    public StrikeCounters Counters => _counters;

    /// <summary>
    /// The watermark at which the next strike expires, or null when none will (no active strikes, or INACTIVE). A
    /// topology can index senders by it and call <see cref="ApplyWatermark"/> only for those due.
    /// </summary>
    public long? NextExpiry => !IsInactive && _active.Count > 0 ? _active[0].ExpiresAt : null;

    /// <summary>Rebuilds a ledger from its parts (for codecs).</summary>
    public static StrikeLedger FromParts(
        string senderId,
        ProcessorOptions options,
        IEnumerable<ActiveStrike> active,
        IEnumerable<KeyValuePair<string, long>> seen,
        bool inactive,
        long? lastAsOf,
        StrikeCounters counters) =>
        new(senderId, options, active, seen, inactive, lastAsOf, counters);

    /// <summary>
    /// Expires every active strike whose expiry ≤ <paramref name="watermark"/> (unless INACTIVE) and prunes remembered
    /// ids. A watermark lower than an earlier one changes nothing.
    /// </summary>
    /// <returns>One status per expired strike, in expiry order; empty when nothing expired.</returns>
    public IReadOnlyList<StrikeStatus> ApplyWatermark(long watermark)
    {
        List<StrikeStatus>? changes = null;
        if (!IsInactive)
        {
            while (_active.Count > 0 && _active[0].ExpiresAt <= watermark)
            {
                var expired = _active[0];
                _active.RemoveAt(0);
                _seen[expired.MessageId] = expired.SentAt;
                _counters = _counters with { Expired = _counters.Expired + 1 };
                (changes ??= []).Add(Status(expired.ExpiresAt));
            }
        }
        PruneSeen(watermark);
        return changes is null ? [] : changes;
    }

    /// <summary>
    /// Applies the strike of a flagged message: first <see cref="ApplyWatermark"/>, then the strike itself.
    /// </summary>
    /// <param name="message">The flagged message (its sender must be this ledger's).</param>
    /// <param name="watermark">The watermark when the message was processed.</param>
    /// <exception cref="ArgumentException">The message's sender is not this ledger's sender.</exception>
    public StrikeAddResult AddStrike(MessageEvent message, long watermark)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.SenderId, SenderId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Message {message.MessageId} has sender_id '{message.SenderId}', but this ledger is for '{SenderId}'.", nameof(message));
        }
        var expiries = ApplyWatermark(watermark);
        if (_seen.ContainsKey(message.MessageId) || _active.Exists(s => string.Equals(s.MessageId, message.MessageId, StringComparison.Ordinal)))
        {
            _counters = _counters with { Duplicates = _counters.Duplicates + 1 };
            return new StrikeAddResult(StrikeOutcome.Duplicate, expiries);
        }
        var expiresAt = message.SentAt > long.MaxValue - _ttlMs ? long.MaxValue : message.SentAt + _ttlMs;
        if (expiresAt <= watermark)
        {
            _seen[message.MessageId] = message.SentAt;
            _counters = _counters with { ExpiredOnArrival = _counters.ExpiredOnArrival + 1 };
            return new StrikeAddResult(StrikeOutcome.ExpiredOnArrival, expiries);
        }
        var strike = new ActiveStrike(message.MessageId, message.SentAt, expiresAt);
        var at = _active.BinarySearch(strike, Comparer<ActiveStrike>.Create(CompareByExpiry));
        _active.Insert(at < 0 ? ~at : at, strike);
        _counters = _counters with { Added = _counters.Added + 1 };
        if (_active.Count >= _limit)
        {
            IsInactive = true;
        }
        var changes = new List<StrikeStatus>(expiries.Count + 1);
        changes.AddRange(expiries);
        changes.Add(Status(message.SentAt));
        return new StrikeAddResult(StrikeOutcome.Added, changes);
    }

    /// <summary>The current status, as of the last change (or <paramref name="asOfWhenNone"/> before any).</summary>
    public StrikeStatus CurrentStatus(long asOfWhenNone) => Build(LastAsOf ?? asOfWhenNone);

    /// <summary>salary_multiplier for a level: SalaryStep^level (<see cref="Math.Pow"/>).</summary>
    public static double SalaryMultiplier(double salaryStep, int level) => Math.Pow(salaryStep, level);

    private StrikeStatus Status(long eventTime)
    {
        var asOf = LastAsOf is { } last && last > eventTime ? last : eventTime;
        LastAsOf = asOf;
        return Build(asOf);
    }

    private StrikeStatus Build(long asOf)
    {
        var level = Math.Min(_active.Count, _limit);
        return new StrikeStatus(
            SenderId,
            _active.Count,
            level,
            SalaryMultiplier(_salaryStep, level),
            IsInactive ? SenderStatus.Inactive : SenderStatus.Active,
            IsInactive || _active.Count == 0 ? null : _active[0].ExpiresAt,
            asOf);
    }

    private void PruneSeen(long watermark)
    {
        List<string>? prune = null;
        foreach (var (id, sentAt) in _seen)
        {
            if (sentAt <= long.MaxValue - _seenRetentionMs && sentAt + _seenRetentionMs <= watermark)
            {
                (prune ??= []).Add(id);
            }
        }
        if (prune is not null)
        {
            foreach (var id in prune)
            {
                _seen.Remove(id);
            }
        }
    }

    private static int CompareByExpiry(ActiveStrike a, ActiveStrike b)
    {
        var byExpiry = a.ExpiresAt.CompareTo(b.ExpiresAt);
        return byExpiry != 0 ? byExpiry : string.CompareOrdinal(a.MessageId, b.MessageId);
    }
}
