namespace Streaming.Contracts.Events;

/// <summary>A message that arrived late (topic <c>messages.late</c>, keyed by the source key).</summary>
/// <param name="Message">The message.</param>
/// <param name="WatermarkAtArrival">The source partition's watermark when the message was read (UTC epoch ms).</param>
/// <param name="Reason">Why it is late.</param>
public sealed record MessageLate(MessageEvent Message, long WatermarkAtArrival, LateReason Reason);
