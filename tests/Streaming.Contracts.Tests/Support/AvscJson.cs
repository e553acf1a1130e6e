using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streaming.Contracts.Avro;

namespace Streaming.Contracts.Tests.Support;

/// <summary>
/// The JSON exchange form shared with the avsc oracle script: longs as decimal strings (exact), bytes and fixed as
/// hex, floats and doubles as numbers or "NaN"/"Infinity"/"-Infinity"/"-0", unions wrapped as {branchName: value}.
/// </summary>
internal static class AvscJson
{
    public static JsonNode? ToJson(AvroSchema schema, object? value)
    {
        switch (schema)
        {
            case PrimitiveSchema p:
                return p.Type switch
                {
                    AvroType.Null => null,
                    AvroType.Boolean => JsonValue.Create((bool)value!),
                    AvroType.Int => JsonValue.Create((int)value!),
                    AvroType.Long => JsonValue.Create(((long)value!).ToString(CultureInfo.InvariantCulture)),
                    AvroType.Float => Number((float)value!),
                    AvroType.Double => Number((double)value!),
                    AvroType.Bytes => JsonValue.Create(Convert.ToHexStringLower((byte[])value!)),
                    AvroType.String => JsonValue.Create((string)value!),
                    _ => throw new NotSupportedException(p.Name),
                };
            case RecordSchema r:
                var record = (GenericRecord)value!;
                var obj = new JsonObject();
                foreach (var field in r.Fields)
                {
                    obj[field.Name] = ToJson(field.Schema, record[field.Position]);
                }
                return obj;
            case EnumSchema:
                return JsonValue.Create(((GenericEnum)value!).Symbol);
            case FixedSchema:
                return JsonValue.Create(Convert.ToHexStringLower(((GenericFixed)value!).Bytes));
            case ArraySchema a:
                return new JsonArray(((IEnumerable<object?>)value!).Select(item => ToJson(a.Items, item)).ToArray());
            case MapSchema m:
                var map = new JsonObject();
                foreach (var (key, item) in (IDictionary<string, object?>)value!)
                {
                    map[key] = ToJson(m.Values, item);
                }
                return map;
            case UnionSchema u:
                var branch = GenericDatumWriter.ResolveBranch(u, value);
                branch.Should().BeGreaterThanOrEqualTo(0, "test values must fit their unions");
                var branchSchema = u.Branches[branch];
                return branchSchema.Type == AvroType.Null ? null : new JsonObject { [BranchName(branchSchema)] = ToJson(branchSchema, value) };
            default:
                throw new NotSupportedException(schema.ToString());
        }
    }

    public static object? FromJson(AvroSchema schema, JsonElement json)
    {
        switch (schema)
        {
            case PrimitiveSchema p:
                return p.Type switch
                {
                    AvroType.Null => json.ValueKind == JsonValueKind.Null ? null : throw new FormatException("expected null, got " + json),
                    AvroType.Boolean => json.GetBoolean(),
                    AvroType.Int => json.GetInt32(),
                    AvroType.Long => long.Parse(json.GetString()!, CultureInfo.InvariantCulture),
                    AvroType.Float => (float)Number(json),
                    AvroType.Double => Number(json),
                    AvroType.Bytes => Convert.FromHexString(json.GetString()!),
                    AvroType.String => json.GetString(),
                    _ => throw new NotSupportedException(p.Name),
                };
            case RecordSchema r:
                var record = new GenericRecord(r);
                foreach (var field in r.Fields)
                {
                    record[field.Position] = FromJson(field.Schema, json.GetProperty(field.Name));
                }
                return record;
            case EnumSchema e:
                return new GenericEnum(e, json.GetString()!);
            case FixedSchema f:
                return new GenericFixed(f, Convert.FromHexString(json.GetString()!));
            case ArraySchema a:
                return json.EnumerateArray().Select(item => FromJson(a.Items, item)).ToList();
            case MapSchema m:
                return json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(m.Values, p.Value), StringComparer.Ordinal);
            case UnionSchema u:
                if (json.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }
                var property = json.EnumerateObject().Single();
                var branchSchema = u.Branches.Single(b => BranchName(b) == property.Name);
                return FromJson(branchSchema, property.Value);
            default:
                throw new NotSupportedException(schema.ToString());
        }
    }

    private static string BranchName(AvroSchema schema) => schema switch
    {
        NamedSchema named => named.FullName,
        PrimitiveSchema p => p.Name,
        ArraySchema => "array",
        MapSchema => "map",
        _ => throw new NotSupportedException(schema.ToString()),
    };

    private static JsonNode Number(double value) =>
        double.IsNaN(value) ? JsonValue.Create("NaN")
        : double.IsPositiveInfinity(value) ? JsonValue.Create("Infinity")
        : double.IsNegativeInfinity(value) ? JsonValue.Create("-Infinity")
        : value == 0 && double.IsNegative(value) ? JsonValue.Create("-0")
        : JsonValue.Create(value);

    private static double Number(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.String => json.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            "-0" => -0.0,
            var other => throw new FormatException("not a special number: " + other),
        },
        _ => throw new FormatException("expected a number, got " + json),
    };
}
