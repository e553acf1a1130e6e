using System.Text.Json;

namespace Streaming.Producer.Tests.Support;

/// <summary>
/// One line of a generate JSONL file, read with plain System.Text.Json (not the producer's reader), so the tests check
/// the documented format rather than the code that wrote it.
/// </summary>
internal sealed record EnvelopeLine(int Number, string Text, string Topic, string Key, string Kind, string? Reason, long? BehindMs, JsonElement? Value, byte[]? RawValue)
{
    public static List<EnvelopeLine> ReadAll(string path)
    {
        var lines = new List<EnvelopeLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var value = root.TryGetProperty("value", out var v) ? v.Clone() : (JsonElement?)null;
            var raw = root.TryGetProperty("raw_value_base64", out var r) ? r.GetBytesFromBase64() : null;
            lines.Add(new EnvelopeLine(
                number,
                text,
                root.GetProperty("topic").GetString()!,
                root.GetProperty("key").GetString()!,
                root.GetProperty("kind").GetString()!,
                root.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
                root.TryGetProperty("behind_ms", out var behind) ? behind.GetInt64() : null,
                value,
                raw));
        }
        return lines;
    }

    /// <summary>The event time of a line with a value: pickup_ts for trips, sent_at for messages.</summary>
    public long EventTime => Value!.Value.GetProperty(Topic == "trips" ? "pickup_ts" : "sent_at").GetInt64();

    /// <summary>The event id: trip_id or message_id.</summary>
    public string Id => Value!.Value.GetProperty(Topic == "trips" ? "trip_id" : "message_id").GetString()!;

    public string Field(string name) => Value!.Value.GetProperty(name).ToString();

    /// <summary>The value object's raw JSON text (the identity of its content).</summary>
    public string ValueJson => Value?.GetRawText() ?? Convert.ToBase64String(RawValue!);
}
