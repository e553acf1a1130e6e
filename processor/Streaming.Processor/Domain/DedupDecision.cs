namespace Streaming.Processor.Domain;

/// <summary>
/// Deduplication by id with the first occurrence winning (DESIGN §4, Deduplication and Beyond the horizon). A pure
/// function of the stored entry, the record's position and event time, and the source partition's watermark.
/// </summary>
/// <remarks>
/// <para>The horizon check comes first: a record with event time + retention ≤ watermark is
/// <see cref="DedupOutcome.BeyondHorizon"/> whatever the store holds, and must not touch the store.</para>
/// <para>A stored entry whose expiry (<see cref="DedupEntry.ExpiresAt"/>) is at or behind the watermark is treated as
/// absent, so the decision does not depend on when a store happens to purge.</para>
/// <para>Same id at the same (partition, offset) as the stored entry is a replay; at any other position it is a
/// duplicate. Replays leave the stored entry as it is.</para>
/// </remarks>
public sealed class DedupDecision
{
    private readonly long _retentionMs;

    /// <summary>Creates the decision with the dedup retention of <paramref name="options"/>.</summary>
    public DedupDecision(ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retentionMs = options.DedupRetentionMs;
    }

    /// <summary>The dedup retention in milliseconds; a store may use it as its retention period.</summary>
    public long RetentionMs => _retentionMs;

    /// <summary>True when event time + retention ≤ watermark (the record can no longer be checked for duplicates).</summary>
    public bool IsBeyondHorizon(long eventTime, long watermark) =>
        eventTime <= long.MaxValue - _retentionMs && eventTime + _retentionMs <= watermark;

    /// <summary>True when a stored entry is forgotten at this watermark and may be purged.</summary>
    public bool IsExpired(DedupEntry entry, long watermark) => entry.ExpiresAt(_retentionMs) <= watermark;

    /// <summary>Decides what to do with a record.</summary>
    /// <param name="stored">The entry stored under the record's id, or null.</param>
    /// <param name="sourcePartition">The record's source partition.</param>
    /// <param name="sourceOffset">The record's source offset.</param>
    /// <param name="eventTime">The record's event time.</param>
    /// <param name="watermark">The source partition's watermark when the record was read.</param>
    /// <returns>
    /// The outcome. On <see cref="DedupOutcome.First"/> the caller stores <see cref="EntryFor"/>; on the others the
    /// store is left unchanged.
    /// </returns>
    public DedupOutcome Decide(DedupEntry? stored, int sourcePartition, long sourceOffset, long eventTime, long watermark)
    {
        if (IsBeyondHorizon(eventTime, watermark))
        {
            return DedupOutcome.BeyondHorizon;
        }
        if (stored is not { } entry || IsExpired(entry, watermark))
        {
            return DedupOutcome.First;
        }
        return entry.SourcePartition == sourcePartition && entry.SourceOffset == sourceOffset
            ? DedupOutcome.Replay
            : DedupOutcome.Duplicate;
    }

    /// <summary>The entry to store for a first occurrence.</summary>
    public static DedupEntry EntryFor(int sourcePartition, long sourceOffset, long eventTime) => new(sourcePartition, sourceOffset, eventTime);
}
