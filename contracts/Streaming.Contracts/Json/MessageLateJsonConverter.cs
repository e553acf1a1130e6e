using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="MessageLate"/>: the message as a nested object, reason as its Avro symbol.</summary>
public sealed class MessageLateJsonConverter : ContractJsonConverter<MessageLate>
{
    private const string Record = nameof(MessageLate);
    private static readonly MessageEventJsonConverter s_message = new();

    /// <inheritdoc />
    public override MessageLate ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new MessageLate(
            s_message.ReadObject(JsonFields.RequiredObject(element, Record, "message")),
            JsonFields.RequiredTimestamp(element, Record, "watermark_at_arrival"),
            LateReasonJson.Read(element, Record));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, MessageLate value)
    {
        writer.WritePropertyName("message");
        s_message.Write(writer, value.Message, StreamingJson.Options);
        writer.WriteNumber("watermark_at_arrival", value.WatermarkAtArrival);
        writer.WriteString("reason", value.Reason.ToSymbol());
    }
}
