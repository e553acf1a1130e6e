namespace Streaming.Processor.Domain;

/// <summary>A strike that has not expired: one flagged message of the sender.</summary>
/// <param name="MessageId">The flagged message's id; a strike is identified by it.</param>
/// <param name="SentAt">The message's sent_at (UTC epoch ms).</param>
/// <param name="ExpiresAt">sent_at + strike TTL: the strike expires when the watermark reaches this.</param>
public readonly record struct ActiveStrike(string MessageId, long SentAt, long ExpiresAt);
