namespace Streaming.Contracts.Events;

/// <summary>A chat message between employees (topic <c>messages</c>, keyed by sender). Event time is <see cref="SentAt"/>.</summary>
/// <param name="MessageId">Message id; the deduplication id and the identity of a strike.</param>
/// <param name="SenderId">Sender employee id; the record key.</param>
/// <param name="ReceiverId">Receiver employee id.</param>
/// <param name="Text">Message text.</param>
/// <param name="SentAt">Send time, UTC epoch milliseconds (event time).</param>
public sealed record MessageEvent(
    string MessageId,
    string SenderId,
    string ReceiverId,
    string Text,
    long SentAt);
