namespace Streaming.Contracts.Avro;

/// <summary>Reads Avro binary into generic values (see <see cref="GenericRecord"/>), per a schema.</summary>
public static class GenericDatumReader
{
    /// <summary>Nesting limit; a recursive schema cannot drive the reader into a stack overflow with crafted input.</summary>
    public const int MaxDepth = 200;

    /// <summary>Reads one value of <paramref name="schema"/>.</summary>
    /// <exception cref="AvroException">The bytes are not a valid encoding; the message names the field path and offset.</exception>
    public static object? Read(ref AvroReader reader, AvroSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Read(ref reader, schema, schema.ToString(), 0);
    }

    private static object? Read(ref AvroReader reader, AvroSchema schema, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new AvroException(path, reader.Position, $"values nest deeper than {MaxDepth} levels");
        }
        switch (schema.Type)
        {
            case AvroType.Null:
                return null;
            case AvroType.Boolean:
                return reader.ReadBoolean(path);
            case AvroType.Int:
                return reader.ReadInt(path);
            case AvroType.Long:
                return reader.ReadLong(path);
            case AvroType.Float:
                return reader.ReadFloat(path);
            case AvroType.Double:
                return reader.ReadDouble(path);
            case AvroType.Bytes:
                return reader.ReadBytes(path);
            case AvroType.String:
                return reader.ReadString(path);
            case AvroType.Record:
                var recordSchema = (RecordSchema)schema;
                var record = new GenericRecord(recordSchema);
                foreach (var field in recordSchema.Fields)
                {
                    record[field.Position] = Read(ref reader, field.Schema, path + "." + field.Name, depth + 1);
                }
                return record;
            case AvroType.Enum:
                var enumSchema = (EnumSchema)schema;
                return new GenericEnum(enumSchema, enumSchema.Symbols[reader.ReadEnum(path, enumSchema.Symbols.Count)]);
            case AvroType.Fixed:
                var fixedSchema = (FixedSchema)schema;
                return new GenericFixed(fixedSchema, reader.ReadFixed(path, fixedSchema.Size).ToArray());
            case AvroType.Array:
            {
                var items = ((ArraySchema)schema).Items;
                var minSize = MinimumSize(items);
                var list = new List<object?>();
                for (var count = reader.ReadBlockCount(path, minSize); count != 0; count = reader.ReadBlockCount(path, minSize))
                {
                    for (long n = 0; n < count; n++)
                    {
                        list.Add(Read(ref reader, items, path + "[]", depth + 1));
                    }
                }
                return list;
            }
            case AvroType.Map:
            {
                var values = ((MapSchema)schema).Values;
                // Each entry holds at least its key's length byte.
                var minSize = 1 + MinimumSize(values);
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var count = reader.ReadBlockCount(path, minSize); count != 0; count = reader.ReadBlockCount(path, minSize))
                {
                    for (long n = 0; n < count; n++)
                    {
                        var key = reader.ReadString(path + "{key}");
                        // A repeated key: the last value wins, as in the Java implementation.
                        map[key] = Read(ref reader, values, path + "[\"" + key + "\"]", depth + 1);
                    }
                }
                return map;
            }
            case AvroType.Union:
                var union = (UnionSchema)schema;
                var branch = reader.ReadUnionIndex(path, union.Branches.Count);
                return Read(ref reader, union.Branches[branch], path, depth + 1);
            default:
                throw new AvroException($"{path}: unsupported schema type {schema.Type}.");
        }
    }

    /// <summary>The fewest bytes any value of a schema encodes to (a lower bound; 0 for recursive cycles).</summary>
    public static int MinimumSize(AvroSchema schema) => MinimumSize(schema, new HashSet<string>(StringComparer.Ordinal));

    private static int MinimumSize(AvroSchema schema, HashSet<string> visiting)
    {
        switch (schema)
        {
            case PrimitiveSchema p:
                return p.Type switch
                {
                    AvroType.Null => 0,
                    AvroType.Float => 4,
                    AvroType.Double => 8,
                    _ => 1,
                };
            case RecordSchema r:
                if (!visiting.Add(r.FullName))
                {
                    return 0;
                }
                long sum = 0;
                foreach (var field in r.Fields)
                {
                    sum += MinimumSize(field.Schema, visiting);
                }
                visiting.Remove(r.FullName);
                return (int)Math.Min(sum, int.MaxValue);
            case FixedSchema f:
                return f.Size;
            case EnumSchema:
            case ArraySchema:
            case MapSchema:
            case UnionSchema:
                return 1;
            default:
                return 0;
        }
    }
}
