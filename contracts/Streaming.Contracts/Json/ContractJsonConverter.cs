using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streaming.Contracts.Json;

/// <summary>
/// Base of the JSON converters of the contract records: snake_case field names as in the Avro schemas, fields in
/// schema order, timestamps as epoch-millisecond numbers, optional fields omitted when null.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class ContractJsonConverter<T> : JsonConverter<T>
    where T : class
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ReadObject(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteFields(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>Reads the record from a JSON object.</summary>
    /// <exception cref="JsonException">A required field is missing or a value has the wrong shape; the message names the field.</exception>
    public abstract T ReadObject(JsonElement element);

    /// <summary>Writes the record's fields (without the enclosing braces).</summary>
    public abstract void WriteFields(Utf8JsonWriter writer, T value);
}
