namespace Streaming.Processor.Domain;

/// <summary>
/// What the dedup store remembers about the first occurrence of an id (trip_id or message_id): where it was read and
/// its event time.
/// </summary>
/// <param name="SourcePartition">Partition the first occurrence was read from.</param>
/// <param name="SourceOffset">Its offset in that partition.</param>
/// <param name="EventTime">Its event time (UTC epoch ms).</param>
public readonly record struct DedupEntry(int SourcePartition, long SourceOffset, long EventTime)
{
    /// <summary>
    /// The watermark at which this entry is forgotten: <c>EventTime + retention</c>. Once the watermark reaches it, the
    /// entry no longer takes part in decisions, so a store may purge it then (or any time later).
    /// </summary>
    public long ExpiresAt(long retentionMs) => EventTime > long.MaxValue - retentionMs ? long.MaxValue : EventTime + retentionMs;
}
