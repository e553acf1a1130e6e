namespace Streaming.Processor.Domain;

/// <summary>What <see cref="StrikeLedger.AddStrike"/> did with a flagged message.</summary>
public enum StrikeOutcome
{
    /// <summary>A new active strike (also while the sender is INACTIVE: it is recorded and never expires).</summary>
    Added = 0,

    /// <summary>The message id already gave a strike (a replay or a late duplicate): nothing changed.</summary>
    Duplicate = 1,

    /// <summary>sent_at + TTL ≤ watermark on arrival: nothing changed; counted as expired_on_arrival.</summary>
    ExpiredOnArrival = 2,
}
