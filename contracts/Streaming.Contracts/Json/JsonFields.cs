using System.Globalization;
using System.Text.Json;

namespace Streaming.Contracts.Json;

/// <summary>
/// Reads and writes the field kinds of the contract in JSON. Reading is lenient about representation (numbers as
/// strings, timestamps as ISO-8601) and strict about presence of required fields.
/// </summary>
internal static class JsonFields
{
    public static JsonException Missing(string record, string field) =>
        new($"{record} field '{field}' is missing or null.");

    public static JsonException Invalid(string record, string field, JsonElement value, string expected) =>
        new($"{record} field '{field}' has value {Quote(value)}, expected {expected}.");

    public static void RequireObject(JsonElement element, string record)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{record} must be a JSON object, found {element.ValueKind}.");
        }
    }

    public static bool TryGet(JsonElement obj, string field, out JsonElement value) =>
        obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Undefined;

    public static string RequiredString(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            throw Missing(record, field);
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Invalid(record, field, value, "a string"),
        };
    }

    /// <summary>An optional string; absent, null and empty all read as null.</summary>
    public static string? OptionalString(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Invalid(record, field, value, "a string or null"),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static long RequiredTimestamp(JsonElement obj, string record, string field) =>
        TryGet(obj, field, out var value) ? Timestamp(value, record, field) : throw Missing(record, field);

    /// <summary>An optional timestamp; absent, null and empty string all read as null.</summary>
    public static long? OptionalTimestamp(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value) || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
        {
            return null;
        }
        return Timestamp(value, record, field);
    }

    private static long Timestamp(JsonElement value, string record, string field)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var millis))
        {
            return millis;
        }
        if (value.ValueKind == JsonValueKind.String && EpochMillis.TryParse(value.GetString(), out millis))
        {
            return millis;
        }
        throw Invalid(record, field, value, "epoch milliseconds or an ISO-8601 timestamp");
    }

    public static long RequiredLong(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            throw Missing(record, field);
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        throw Invalid(record, field, value, "a 64-bit integer");
    }

    public static int RequiredInt(JsonElement obj, string record, string field)
    {
        var number = RequiredLong(obj, record, field);
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new JsonException($"{record} field '{field}' has value {number}, expected a 32-bit integer.");
    }

    public static double RequiredDouble(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            throw Missing(record, field);
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        throw Invalid(record, field, value, "a number");
    }

    public static IReadOnlyList<string> StringList(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            throw Missing(record, field);
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(record, field, value, "an array of strings");
        }
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Invalid(record, field, item, "a string item"));
        }
        return list;
    }

    /// <summary>Optional bytes as base64; absent or null read as null.</summary>
    public static byte[]? OptionalBytes(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes))
        {
            return bytes;
        }
        throw Invalid(record, field, value, "base64 text");
    }

    public static JsonElement RequiredObject(JsonElement obj, string record, string field)
    {
        if (!TryGet(obj, field, out var value))
        {
            throw Missing(record, field);
        }
        return value.ValueKind == JsonValueKind.Object ? value : throw Invalid(record, field, value, "an object");
    }

    /// <summary>
    /// Writes a double deterministically: shortest round-trip text ("R", invariant culture); NaN and infinities, which
    /// JSON numbers cannot hold, as the strings "NaN", "Infinity", "-Infinity" (read back by <see cref="RequiredDouble"/>).
    /// </summary>
    public static void WriteDouble(Utf8JsonWriter writer, string field, double value)
    {
        writer.WritePropertyName(field);
        if (double.IsFinite(value))
        {
            writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes an optional string; null is omitted (the documented JSON convention of this project).</summary>
    public static void WriteOptionalString(Utf8JsonWriter writer, string field, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(field, value);
        }
    }

    private static string Quote(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 80 ? raw[..80] + "…" : raw;
    }
}
