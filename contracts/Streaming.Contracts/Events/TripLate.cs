namespace Streaming.Contracts.Events;

/// <summary>A trip that arrived late (topic <c>trips.late</c>, keyed by the source key).</summary>
/// <param name="Trip">The trip.</param>
/// <param name="WatermarkAtArrival">The source partition's watermark when the trip was read (UTC epoch ms).</param>
/// <param name="Reason">Why it is late.</param>
public sealed record TripLate(TripEvent Trip, long WatermarkAtArrival, LateReason Reason);
