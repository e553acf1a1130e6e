using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="MessageEvent"/>.</summary>
public sealed class MessageEventJsonConverter : ContractJsonConverter<MessageEvent>
{
    private const string Record = nameof(MessageEvent);

    /// <inheritdoc />
    public override MessageEvent ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new MessageEvent(
            JsonFields.RequiredString(element, Record, "message_id"),
            JsonFields.RequiredString(element, Record, "sender_id"),
            JsonFields.RequiredString(element, Record, "receiver_id"),
            JsonFields.RequiredString(element, Record, "text"),
            JsonFields.RequiredTimestamp(element, Record, "sent_at"));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, MessageEvent value)
    {
        writer.WriteString("message_id", value.MessageId);
        writer.WriteString("sender_id", value.SenderId);
        writer.WriteString("receiver_id", value.ReceiverId);
        writer.WriteString("text", value.Text);
        writer.WriteNumber("sent_at", value.SentAt);
    }
}
