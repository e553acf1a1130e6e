namespace Streaming.Contracts.Events;

/// <summary>Why an event went to a <c>*.late</c> topic. Avro symbols: <c>window_closed</c>, <c>beyond_dedup_horizon</c>.</summary>
public enum LateReason
{
    /// <summary>Avro symbol <c>window_closed</c>: the trip's hourly window had already closed (the trip is still in trips.clean).</summary>
    WindowClosed = 0,

    /// <summary>Avro symbol <c>beyond_dedup_horizon</c>: event time + dedup retention ≤ watermark; the event was not processed.</summary>
    BeyondDedupHorizon = 1,
}
