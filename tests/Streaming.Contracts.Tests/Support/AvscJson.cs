using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Avro;
using Avro.Specific;

namespace Streaming.Contracts.Tests.Support;

/// <summary>
/// The JSON exchange form shared with the avsc oracle script, written from an Apache.Avro record: longs as decimal
/// strings (exact), bytes and fixed as hex, doubles as numbers or "NaN"/"Infinity"/"-Infinity"/"-0", enums as their
/// symbol, unions wrapped as {branchName: value}.
/// </summary>
internal static class AvscJson
{
    public static JsonNode? ToJson(Schema schema, object? value) => schema switch
    {
        LogicalSchema logical => ToJson(logical.BaseSchema, value),
        RecordSchema record => Record(record, (ISpecificRecord)value!),
        EnumSchema => JsonValue.Create(value!.ToString()),
        FixedSchema => JsonValue.Create(Convert.ToHexStringLower(((SpecificFixed)value!).Value)),
        ArraySchema array => new JsonArray(((IEnumerable)value!).Cast<object?>().Select(item => ToJson(array.ItemSchema, item)).ToArray()),
        MapSchema map => Map(map, (IDictionary)value!),
        UnionSchema union => Union(union, value),
        _ => schema.Tag switch
        {
            Schema.Type.Null => null,
            Schema.Type.Boolean => JsonValue.Create((bool)value!),
            Schema.Type.Int => JsonValue.Create((int)value!),
            Schema.Type.Long => JsonValue.Create(((long)value!).ToString(CultureInfo.InvariantCulture)),
            Schema.Type.Float => Number((float)value!),
            Schema.Type.Double => Number((double)value!),
            Schema.Type.Bytes => JsonValue.Create(Convert.ToHexStringLower((byte[])value!)),
            Schema.Type.String => JsonValue.Create((string)value!),
            _ => throw new NotSupportedException(schema.ToString()),
        },
    };

    private static JsonObject Record(RecordSchema schema, ISpecificRecord record)
    {
        var obj = new JsonObject();
        foreach (var field in schema.Fields)
        {
            obj[field.Name] = ToJson(field.Schema, record.Get(field.Pos));
        }
        return obj;
    }

    private static JsonObject Map(MapSchema schema, IDictionary map)
    {
        var obj = new JsonObject();
        foreach (DictionaryEntry entry in map)
        {
            obj[(string)entry.Key] = ToJson(schema.ValueSchema, entry.Value);
        }
        return obj;
    }

    // The contract's unions are all ["null", T].
    private static JsonObject? Union(UnionSchema schema, object? value)
    {
        if (value is null)
        {
            return null;
        }
        var branch = schema.Schemas.Single(s => s.Tag != Schema.Type.Null);
        var name = branch is NamedSchema named ? named.Fullname : branch is LogicalSchema logical ? logical.BaseSchema.Name : branch.Name;
        return new JsonObject { [name] = ToJson(branch, value) };
    }

    private static JsonNode Number(double value) =>
        double.IsNaN(value) ? JsonValue.Create("NaN")
        : double.IsPositiveInfinity(value) ? JsonValue.Create("Infinity")
        : double.IsNegativeInfinity(value) ? JsonValue.Create("-Infinity")
        : value == 0 && double.IsNegative(value) ? JsonValue.Create("-0")
        : JsonValue.Create(value);
}
