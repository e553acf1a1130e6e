using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Streaming.Contracts.Events;
using Streaming.Producer.Generation;
using Streaming.Producer.Output;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Replay;

/// <summary>
/// Reads a replay file row by row into records of one stream. Field names are the schema's; timestamps are epoch
/// milliseconds or ISO-8601 (UTC unless an offset is given); optional fields may be empty or absent. A row that cannot
/// be encoded becomes a rejected row with a reason, never an exception.
/// </summary>
internal sealed class ReplayRowReader
{
    private static readonly string[] s_tripFields = ["trip_id", "city", "pickup_ts", "dropoff_ts", "distance_km", "fare", "driver_id", "rider_id", "payment_type"];
    private static readonly string[] s_tripRequired = ["trip_id", "city", "pickup_ts", "dropoff_ts", "distance_km", "fare"];
    private static readonly string[] s_messageFields = ["message_id", "sender_id", "receiver_id", "text", "sent_at"];

    private readonly EventStream _stream;

    /// <summary>Creates a reader for records of <paramref name="stream"/>.</summary>
    public ReplayRowReader(EventStream stream)
    {
        _stream = stream;
    }

    /// <summary>The schema's field names in order.</summary>
    public IReadOnlyList<string> Fields => _stream == EventStream.Trips ? s_tripFields : s_messageFields;

    /// <summary>The schema's required field names.</summary>
    public IReadOnlyList<string> RequiredFields => _stream == EventStream.Trips ? s_tripRequired : s_messageFields;

    /// <summary>Reads JSON lines: each line a bare value object or a <c>generate</c> envelope; blank lines are skipped.</summary>
    public IEnumerable<ReplayRow> ReadJsonl(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            yield return ParseJsonLine(lineNumber, line);
        }
    }

    /// <summary>Reads CSV with a header naming the schema's fields.</summary>
    /// <exception cref="UsageException">The header lacks a required field, or names a field twice.</exception>
    public IEnumerable<ReplayRow> ReadCsv(TextReader reader, string fileName, Action<string>? notice = null)
    {
        var csv = new CsvReader(reader);
        if (!csv.TryRead(out var header))
        {
            yield break;
        }
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (!columns.TryAdd(name, i))
            {
                throw new UsageException($"'{fileName}' header names column '{name}' twice; keep one.");
            }
        }
        var missing = RequiredFields.Where(f => !columns.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException(
                $"'{fileName}' header lacks required column(s) {string.Join(", ", missing)}; the header must name the {SchemaName} fields ({string.Join(",", Fields)}).");
        }
        var unknown = columns.Keys.Where(c => !Fields.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            notice?.Invoke($"ignoring column(s) not in the {SchemaName} schema: {string.Join(", ", unknown)}");
        }

        while (true)
        {
            CsvRecord row;
            ReplayRow? failure = null;
            try
            {
                if (!csv.TryRead(out row))
                {
                    yield break;
                }
            }
            catch (CsvFormatException ex)
            {
                row = default;
                failure = ReplayRow.Rejected(ex.Line, ex.Message);
            }
            if (failure is not null)
            {
                yield return failure;
                yield break; // an unclosed quote swallows the rest of the file
            }
            yield return ParseCsvRow(row, columns);
        }
    }

    private string SchemaName => _stream == EventStream.Trips ? nameof(TripEvent) : nameof(MessageEvent);

    private ReplayRow ParseJsonLine(int lineNumber, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReplayRow.Rejected(lineNumber, $"expected a JSON object, found {root.ValueKind}");
            }
            if (JsonlEnvelope.IsEnvelope(root))
            {
                if (root.TryGetProperty("topic", out var topic) && topic.ValueKind == JsonValueKind.String
                    && EventStreams.TryParse(topic.GetString(), out var envelopeStream) && envelopeStream != _stream)
                {
                    return ReplayRow.Skipped(lineNumber, $"envelope of stream '{topic.GetString()}'");
                }
                return Check(lineNumber, JsonlEnvelope.Read(root, _stream));
            }
            return Check(lineNumber, FromValue(root, RecordKind.Clean));
        }
        catch (JsonException ex)
        {
            return ReplayRow.Rejected(lineNumber, ex.Message);
        }
    }

    private ReplayRow ParseCsvRow(CsvRecord row, Dictionary<string, int> columns)
    {
        // Rebuild the row as a JSON object of strings and read it with the contract converter, so CSV and JSONL
        // share one set of parsing rules (numbers as text, epoch-ms or ISO-8601 timestamps, empty optionals → null).
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in Fields)
            {
                if (!columns.TryGetValue(field, out var index))
                {
                    continue;
                }
                var cell = index < row.Fields.Count ? row.Fields[index] : string.Empty;
                if (cell.Length == 0)
                {
                    if (RequiredFields.Contains(field))
                    {
                        return ReplayRow.Rejected(row.Line, $"required field '{field}' is empty");
                    }
                    continue;
                }
                writer.WriteString(field, cell);
            }
            writer.WriteEndObject();
        }
        if (row.Fields.Count > columns.Count)
        {
            return ReplayRow.Rejected(row.Line, $"row has {row.Fields.Count} fields, the header {columns.Count}");
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            return Check(row.Line, FromValue(document.RootElement, RecordKind.Clean));
        }
        catch (JsonException ex)
        {
            return ReplayRow.Rejected(row.Line, ex.Message);
        }
    }

    private ProducerRecord FromValue(JsonElement value, RecordKind kind) =>
        _stream == EventStream.Trips
            ? ProducerRecord.ForTrip(ContractJson.ReadTrip(value), kind)
            : ProducerRecord.ForMessage(ContractJson.ReadMessage(value), kind);

    // Avro can carry NaN and infinities, but no trip has them; a non-finite number is a broken row.
    private static ReplayRow Check(int lineNumber, ProducerRecord record)
    {
        if (record.Trip is { } trip)
        {
            if (!double.IsFinite(trip.DistanceKm))
            {
                return ReplayRow.Rejected(lineNumber, $"TripEvent field 'distance_km' has value {Text(trip.DistanceKm)}, expected a finite number.");
            }
            if (!double.IsFinite(trip.Fare))
            {
                return ReplayRow.Rejected(lineNumber, $"TripEvent field 'fare' has value {Text(trip.Fare)}, expected a finite number.");
            }
        }
        return ReplayRow.Accepted(lineNumber, record);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
