using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="FlaggedMessage"/> ↔ <see cref="streaming.FlaggedMessage"/>.</summary>
public sealed class FlaggedMessageMapping : IAvroRecordMapping<FlaggedMessage, streaming.FlaggedMessage>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static FlaggedMessageMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.FlaggedMessage ToRecord(FlaggedMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            message_id = value.MessageId,
            sender_id = value.SenderId,
            receiver_id = value.ReceiverId,
            text = value.Text,
            sent_at = value.SentAt,
            matched_words = [.. value.MatchedWords],
        };
    }

    /// <inheritdoc />
    public FlaggedMessage FromRecord(streaming.FlaggedMessage record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Apache.Avro's reader fills a List<string>, already read-only-listable; anything else is copied.
        IReadOnlyList<string> words = record.matched_words as IReadOnlyList<string> ?? [.. record.matched_words];
        return new(record.message_id, record.sender_id, record.receiver_id, record.text, record.sent_at, words);
    }
}
