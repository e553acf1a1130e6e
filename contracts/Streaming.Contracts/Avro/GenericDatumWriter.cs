using System.Collections;

namespace Streaming.Contracts.Avro;

/// <summary>Writes generic values (see <see cref="GenericRecord"/>) as Avro binary, per a schema.</summary>
public static class GenericDatumWriter
{
    /// <summary>Writes <paramref name="value"/> per <paramref name="schema"/>.</summary>
    /// <exception cref="AvroException">The value does not fit the schema; the message names the field path and the value.</exception>
    public static void Write(AvroWriter writer, AvroSchema schema, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schema);
        Write(writer, schema, value, schema.ToString());
    }

    private static void Write(AvroWriter writer, AvroSchema schema, object? value, string path)
    {
        switch (schema.Type)
        {
            case AvroType.Null:
                if (value is not null)
                {
                    throw Mismatch(path, schema, value);
                }
                break;
            case AvroType.Boolean:
                writer.WriteBoolean(value is bool b ? b : throw Mismatch(path, schema, value));
                break;
            case AvroType.Int:
                writer.WriteInt(value is int intValue ? intValue : throw Mismatch(path, schema, value));
                break;
            case AvroType.Long:
                writer.WriteLong(value switch { long lv => lv, int iv => iv, _ => throw Mismatch(path, schema, value) });
                break;
            case AvroType.Float:
                writer.WriteFloat(value switch { float f => f, int iv => iv, long lv => lv, _ => throw Mismatch(path, schema, value) });
                break;
            case AvroType.Double:
                writer.WriteDouble(value switch { double d => d, float f => f, int iv => iv, long lv => lv, _ => throw Mismatch(path, schema, value) });
                break;
            case AvroType.Bytes:
                writer.WriteBytes(value is byte[] bytes ? bytes : throw Mismatch(path, schema, value));
                break;
            case AvroType.String:
                writer.WriteString(value is string s ? s : throw Mismatch(path, schema, value));
                break;
            case AvroType.Record:
                var recordSchema = (RecordSchema)schema;
                if (value is not GenericRecord record || record.Schema.FullName != recordSchema.FullName)
                {
                    throw Mismatch(path, schema, value);
                }
                foreach (var field in recordSchema.Fields)
                {
                    Write(writer, field.Schema, record[field.Position], path + "." + field.Name);
                }
                break;
            case AvroType.Enum:
                var enumSchema = (EnumSchema)schema;
                var symbol = value switch
                {
                    GenericEnum e when e.Schema.FullName == enumSchema.FullName => e.Symbol,
                    _ => throw Mismatch(path, schema, value),
                };
                var index = enumSchema.IndexOf(symbol);
                writer.WriteEnum(index >= 0 ? index : throw new AvroException($"{path}: '{symbol}' is not a symbol of enum {enumSchema.FullName}."));
                break;
            case AvroType.Fixed:
                var fixedSchema = (FixedSchema)schema;
                var fixedBytes = value switch
                {
                    GenericFixed f when f.Schema.FullName == fixedSchema.FullName => f.Bytes,
                    _ => throw Mismatch(path, schema, value),
                };
                if (fixedBytes.Length != fixedSchema.Size)
                {
                    throw new AvroException($"{path}: fixed {fixedSchema.FullName} needs {fixedSchema.Size} bytes, got {fixedBytes.Length}.");
                }
                writer.WriteFixed(fixedBytes);
                break;
            case AvroType.Array:
                var items = ((ArraySchema)schema).Items;
                if (value is not IList list || value is byte[])
                {
                    throw Mismatch(path, schema, value);
                }
                writer.WriteBlockCount(list.Count);
                for (var n = 0; n < list.Count; n++)
                {
                    Write(writer, items, list[n], path + "[" + n + "]");
                }
                writer.WriteEndOfBlocks();
                break;
            case AvroType.Map:
                var values = ((MapSchema)schema).Values;
                if (value is not IDictionary map)
                {
                    throw Mismatch(path, schema, value);
                }
                writer.WriteBlockCount(map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    writer.WriteString(entry.Key as string ?? throw new AvroException($"{path}: map keys must be strings, got {entry.Key.GetType().Name}."));
                    Write(writer, values, entry.Value, path + "[\"" + entry.Key + "\"]");
                }
                writer.WriteEndOfBlocks();
                break;
            case AvroType.Union:
                var union = (UnionSchema)schema;
                var branch = ResolveBranch(union, value);
                if (branch < 0)
                {
                    throw new AvroException($"{path}: value {GenericData.Describe(value)} ({value?.GetType().Name ?? "null"}) matches no branch of union [{string.Join(", ", union.Branches)}].");
                }
                writer.WriteUnionIndex(branch);
                Write(writer, union.Branches[branch], value, path);
                break;
            default:
                throw new AvroException($"{path}: unsupported schema type {schema.Type}.");
        }
    }

    /// <summary>
    /// The union branch a value belongs to: the branch of exactly its type first, then a numeric promotion
    /// (int → long → float → double); -1 when none fits.
    /// </summary>
    public static int ResolveBranch(UnionSchema union, object? value)
    {
        ArgumentNullException.ThrowIfNull(union);
        var exact = IndexOf(union, s => Matches(s, value));
        if (exact >= 0 || value is null)
        {
            return exact;
        }
        AvroType[] promotions = value switch
        {
            int => [AvroType.Long, AvroType.Float, AvroType.Double],
            long => [AvroType.Float, AvroType.Double],
            float => [AvroType.Double],
            _ => [],
        };
        foreach (var type in promotions)
        {
            var index = IndexOf(union, s => s.Type == type);
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    private static bool Matches(AvroSchema schema, object? value) => schema.Type switch
    {
        AvroType.Null => value is null,
        AvroType.Boolean => value is bool,
        AvroType.Int => value is int,
        AvroType.Long => value is long,
        AvroType.Float => value is float,
        AvroType.Double => value is double,
        AvroType.Bytes => value is byte[],
        AvroType.String => value is string,
        AvroType.Record => value is GenericRecord r && r.Schema.FullName == ((RecordSchema)schema).FullName,
        AvroType.Enum => value is GenericEnum e && e.Schema.FullName == ((EnumSchema)schema).FullName,
        AvroType.Fixed => value is GenericFixed f && f.Schema.FullName == ((FixedSchema)schema).FullName,
        AvroType.Array => value is IList and not byte[],
        AvroType.Map => value is IDictionary,
        _ => false,
    };

    private static int IndexOf(UnionSchema union, Func<AvroSchema, bool> predicate)
    {
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (predicate(union.Branches[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static AvroException Mismatch(string path, AvroSchema schema, object? value) =>
        new($"{path}: value {GenericData.Describe(value)} ({value?.GetType().Name ?? "null"}) does not fit schema {schema}.");
}
