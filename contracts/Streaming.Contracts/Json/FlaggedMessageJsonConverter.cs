using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="FlaggedMessage"/>.</summary>
public sealed class FlaggedMessageJsonConverter : ContractJsonConverter<FlaggedMessage>
{
    private const string Record = nameof(FlaggedMessage);

    /// <inheritdoc />
    public override FlaggedMessage ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new FlaggedMessage(
            JsonFields.RequiredString(element, Record, "message_id"),
            JsonFields.RequiredString(element, Record, "sender_id"),
            JsonFields.RequiredString(element, Record, "receiver_id"),
            JsonFields.RequiredString(element, Record, "text"),
            JsonFields.RequiredTimestamp(element, Record, "sent_at"),
            JsonFields.StringList(element, Record, "matched_words"));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, FlaggedMessage value)
    {
        writer.WriteString("message_id", value.MessageId);
        writer.WriteString("sender_id", value.SenderId);
        writer.WriteString("receiver_id", value.ReceiverId);
        writer.WriteString("text", value.Text);
        writer.WriteNumber("sent_at", value.SentAt);
        writer.WriteStartArray("matched_words");
        foreach (var word in value.MatchedWords)
        {
            writer.WriteStringValue(word);
        }
        writer.WriteEndArray();
    }
}
