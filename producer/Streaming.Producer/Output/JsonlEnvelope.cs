using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Streaming.Contracts.Json;
using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>
/// The JSON lines format of <c>producer generate --out</c>: one object per record, in send order, '\n' separated.
/// </summary>
/// <remarks>
/// <code>
/// {"topic":"trips","key":"t42-0000001","kind":"clean","value":{"trip_id":"t42-0000001","city":"London",…}}
/// {"topic":"messages","key":"emp-017","kind":"late","behind_ms":5400000,"value":{"message_id":…}}
/// {"topic":"trips","key":"t42-0000007","kind":"bad","reason":"negative_fare","value":{…}}
/// {"topic":"trips","key":"t42-0000009","kind":"bad","reason":"undecodable","raw_value_base64":"eyJ0cmlwX2lk…"}
/// </code>
/// <list type="bullet">
/// <item><c>topic</c>: the logical stream, <c>trips</c> or <c>messages</c> (the Kafka topic unless renamed by flags).</item>
/// <item><c>key</c>: the Kafka key (trip_id, sender_id).</item>
/// <item><c>kind</c>: clean, duplicate, late or bad.</item>
/// <item><c>reason</c> (bad only): the reject reason the processor should give (undecodable, unknown_schema,
/// missing_field, negative_duration, negative_fare, future_timestamp).</item>
/// <item><c>behind_ms</c> (late only): how far the event time is behind the latest valid event time already sent on
/// the stream.</item>
/// <item><c>value</c>: the event in the contracts' JSON format (schema field names, epoch-ms timestamps, null
/// optionals omitted); or <c>raw_value_base64</c>: the exact value bytes of an undecodable record.</item>
/// </list>
/// Writing is byte-deterministic.
/// </remarks>
public static class JsonlEnvelope
{
    /// <summary>Writer options matching <see cref="StreamingJson"/> (readable non-ASCII, compact).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Writes one record as a JSON object (without the newline).</summary>
    public static void Write(Utf8JsonWriter writer, ProducerRecord record, string topic)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("topic", topic);
        writer.WriteString("key", record.Key);
        writer.WriteString("kind", record.Kind.ToText());
        if (record.Reason is not null)
        {
            writer.WriteString("reason", record.Reason);
        }
        if (record.BehindMs is { } behind)
        {
            writer.WriteNumber("behind_ms", behind);
        }
        if (record.RawValue is not null)
        {
            writer.WriteBase64String("raw_value_base64", record.RawValue);
        }
        else if (record.Trip is not null)
        {
            writer.WritePropertyName("value");
            ContractJson.Write(writer, record.Trip);
        }
        else if (record.Message is not null)
        {
            writer.WritePropertyName("value");
            ContractJson.Write(writer, record.Message);
        }
        writer.WriteEndObject();
    }

    /// <summary>One record as a line of UTF-8 JSON (with the trailing '\n').</summary>
    public static byte[] ToLine(ProducerRecord record, string topic)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, record, topic);
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>True when a JSON object is an envelope (has <c>value</c> or <c>raw_value_base64</c>) rather than a bare value.</summary>
    public static bool IsEnvelope(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && (element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
            || element.TryGetProperty("raw_value_base64", out _));

    /// <summary>
    /// Reads an envelope back into a record of <paramref name="stream"/>.
    /// </summary>
    /// <exception cref="JsonException">A field is missing or malformed; the message names it.</exception>
    public static ProducerRecord Read(JsonElement element, EventStream stream)
    {
        var kind = RecordKind.Clean;
        if (element.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String
            && !RecordKinds.TryParse(kindElement.GetString(), out kind))
        {
            throw new JsonException($"envelope field 'kind' has value '{kindElement.GetString()}', expected clean, duplicate, late or bad.");
        }
        var reason = element.TryGetProperty("reason", out var reasonElement) && reasonElement.ValueKind == JsonValueKind.String
            ? reasonElement.GetString()
            : null;
        long? behind = element.TryGetProperty("behind_ms", out var behindElement) && behindElement.ValueKind == JsonValueKind.Number
            ? behindElement.GetInt64()
            : null;
        var key = element.TryGetProperty("key", out var keyElement) && keyElement.ValueKind == JsonValueKind.String
            ? keyElement.GetString()
            : null;

        if (element.TryGetProperty("raw_value_base64", out var raw))
        {
            if (raw.ValueKind != JsonValueKind.String || !raw.TryGetBytesFromBase64(out var bytes))
            {
                throw new JsonException("envelope field 'raw_value_base64' is not base64 text.");
            }
            if (key is null)
            {
                throw new JsonException("envelope field 'key' is missing; a raw value needs its key.");
            }
            return new ProducerRecord(stream, key, kind, null, null, bytes, reason, 0, behind);
        }
        var value = element.GetProperty("value");
        if (stream == EventStream.Trips)
        {
            var trip = ContractJson.ReadTrip(value);
            return new ProducerRecord(stream, key ?? trip.TripId, kind, trip, null, null, reason, trip.PickupTs, behind);
        }
        var message = ContractJson.ReadMessage(value);
        return new ProducerRecord(stream, key ?? message.SenderId, kind, null, message, null, reason, message.SentAt, behind);
    }
}
