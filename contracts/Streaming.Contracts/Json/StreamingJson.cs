using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Streaming.Contracts.Json;

/// <summary>
/// The JSON format of the contract records (files, JSON lines, debugging).
/// </summary>
/// <remarks>
/// Writing is byte-deterministic: fields in schema order with the schema's snake_case names, timestamps as epoch
/// milliseconds, doubles in shortest round-trip form (invariant culture), no indentation, and optional fields that
/// are null are <b>omitted</b>. Reading accepts timestamps as epoch-millisecond numbers, numeric strings or ISO-8601
/// strings (UTC unless an offset is given), treats absent, null and empty optional fields as null, ignores unknown
/// fields, and throws <see cref="JsonException"/> naming a missing or malformed required field.
/// </remarks>
public static class StreamingJson
{
    /// <summary>Serializer options holding the converters of every contract record.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a record to compact JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Serializes a record to compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Deserializes a record from JSON text.</summary>
    /// <exception cref="JsonException">Malformed JSON, or a required field is missing or malformed.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"JSON 'null' is not a {typeof(T).Name}.");

    /// <summary>Deserializes a record from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">Malformed JSON, or a required field is missing or malformed.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"JSON 'null' is not a {typeof(T).Name}.");

    /// <summary>Writes records as JSON lines (one compact object per line, '\n' separated) to a text writer.</summary>
    public static void WriteLines<T>(TextWriter writer, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            writer.Write(Serialize(record));
            writer.Write('\n');
        }
    }

    /// <summary>Reads JSON lines, skipping blank lines. Errors name the 1-based line number.</summary>
    public static IEnumerable<T> ReadLines<T>(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            T record;
            try
            {
                record = Deserialize<T>(line);
            }
            catch (JsonException ex)
            {
                throw new JsonException($"line {lineNumber}: {ex.Message}", ex);
            }
            yield return record;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            // Relaxed escaping keeps non-ASCII text readable in files; output stays deterministic.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new TripEventJsonConverter());
        options.Converters.Add(new MessageEventJsonConverter());
        options.Converters.Add(new CityHourlyJsonConverter());
        options.Converters.Add(new FlaggedMessageJsonConverter());
        options.Converters.Add(new StrikeStatusJsonConverter());
        options.Converters.Add(new RejectedJsonConverter());
        options.Converters.Add(new TripLateJsonConverter());
        options.Converters.Add(new MessageLateJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
