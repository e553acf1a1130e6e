namespace Streaming.Processor.Domain;

/// <summary>What deduplication decided for a record.</summary>
public enum DedupOutcome
{
    /// <summary>The first occurrence of the id (or the id was forgotten): process it and store a new entry.</summary>
    First = 0,

    /// <summary>The same id at a different source position: drop it, count it as a duplicate.</summary>
    Duplicate = 1,

    /// <summary>The very record stored as the first occurrence, read again after a restart: process it again, as if first.</summary>
    Replay = 2,

    /// <summary>event time + dedup retention ≤ watermark: cannot be checked; goes to <c>*.late</c> with <c>beyond_dedup_horizon</c> only.</summary>
    BeyondHorizon = 3,
}
