namespace Streaming.Processor.Streams;

/// <summary>
/// Time of one source partition (DESIGN §4, Watermark), kept by the ingest processor in a changelogged store keyed by
/// partition, because Streamiz keeps one stream time per task (a maximum over its partitions) and advances it with
/// rejected records too.
/// </summary>
/// <param name="StreamTime">Largest event time of an accepted-or-judged (not rejected) record; <see cref="long.MinValue"/> before any.</param>
/// <param name="NextOffset">The offset after the last record read from the partition; -1 before any.</param>
public readonly record struct SourcePartitionClock(long StreamTime, long NextOffset)
{
    public static SourcePartitionClock Empty { get; } = new(long.MinValue, -1);

    /// <summary>Stream time minus the allowed lateness; at end of input the lateness wait is over and it is stream time.</summary>
    public long Watermark(long allowedLatenessMs, bool ended) =>
        StreamTime == long.MinValue ? long.MinValue : ended ? StreamTime : StreamTime - allowedLatenessMs;

    /// <summary>The stream time before a record, as validators take it (null: nothing read yet, no future check).</summary>
    public long? StreamTimeOrNull => StreamTime == long.MinValue ? null : StreamTime;

    /// <summary>After a record at <paramref name="offset"/>; <paramref name="eventTime"/> is null for a rejected record, which never advances stream time.</summary>
    public SourcePartitionClock After(long offset, long? eventTime) =>
        new(eventTime is { } t && t > StreamTime ? t : StreamTime, offset + 1);
}
