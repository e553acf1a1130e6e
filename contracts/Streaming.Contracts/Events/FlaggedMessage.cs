namespace Streaming.Contracts.Events;

/// <summary>A message holding at least one marked word (topic <c>messages.flagged</c>, keyed by sender).</summary>
/// <param name="MessageId">Message id.</param>
/// <param name="SenderId">Sender employee id.</param>
/// <param name="ReceiverId">Receiver employee id.</param>
/// <param name="Text">Message text.</param>
/// <param name="SentAt">Send time, UTC epoch milliseconds.</param>
/// <param name="MatchedWords">The marked words found in the text, in order of first appearance.</param>
/// <remarks>Equality compares <see cref="MatchedWords"/> by content (ordinal, in order), not by reference.</remarks>
public sealed record FlaggedMessage(
    string MessageId,
    string SenderId,
    string ReceiverId,
    string Text,
    long SentAt,
    IReadOnlyList<string> MatchedWords)
{
    /// <summary>Builds a flagged message from the source message and its matched words.</summary>
    public static FlaggedMessage From(MessageEvent message, IReadOnlyList<string> matchedWords)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(matchedWords);
        return new FlaggedMessage(message.MessageId, message.SenderId, message.ReceiverId, message.Text, message.SentAt, matchedWords);
    }

    /// <summary>The source message, without the matched words.</summary>
    public MessageEvent ToMessage() => new(MessageId, SenderId, ReceiverId, Text, SentAt);

    /// <inheritdoc />
    public bool Equals(FlaggedMessage? other) =>
        other is not null
        && MessageId == other.MessageId
        && SenderId == other.SenderId
        && ReceiverId == other.ReceiverId
        && Text == other.Text
        && SentAt == other.SentAt
        && ValueEquality.SequenceEqual(MatchedWords, other.MatchedWords);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(MessageId, SenderId, ReceiverId, Text, SentAt, ValueEquality.SequenceHash(MatchedWords));
}
