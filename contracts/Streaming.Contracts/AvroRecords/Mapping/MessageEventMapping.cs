using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="MessageEvent"/> ↔ <see cref="streaming.MessageEvent"/>.</summary>
public sealed class MessageEventMapping : IAvroRecordMapping<MessageEvent, streaming.MessageEvent>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static MessageEventMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.MessageEvent ToRecord(MessageEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            message_id = value.MessageId,
            sender_id = value.SenderId,
            receiver_id = value.ReceiverId,
            text = value.Text,
            sent_at = value.SentAt,
        };
    }

    /// <inheritdoc />
    public MessageEvent FromRecord(streaming.MessageEvent record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.message_id, record.sender_id, record.receiver_id, record.text, record.sent_at);
    }
}
