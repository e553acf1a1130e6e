using System.Text;

namespace Streaming.Contracts.Avro;

/// <summary>
/// Writes the Parsing Canonical Form of a schema (Avro specification): primitives as bare names, full names, only the
/// attributes type/name/fields/symbols/items/values/size in that order, no whitespace, and each named type written in
/// full only at its first occurrence.
/// </summary>
public static class SchemaCanonicalForm
{
    /// <summary>The Parsing Canonical Form of a schema.</summary>
    public static string Write(AvroSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new StringBuilder();
        Write(schema, builder, new HashSet<string>(StringComparer.Ordinal));
        return builder.ToString();
    }

    private static void Write(AvroSchema schema, StringBuilder builder, HashSet<string> written)
    {
        switch (schema)
        {
            case PrimitiveSchema primitive:
                Quote(builder, primitive.Name);
                break;
            case NamedSchema named when !written.Add(named.FullName):
                Quote(builder, named.FullName);
                break;
            case RecordSchema record:
                builder.Append("{\"name\":");
                Quote(builder, record.FullName);
                builder.Append(",\"type\":\"record\",\"fields\":[");
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    builder.Append("{\"name\":");
                    Quote(builder, record.Fields[i].Name);
                    builder.Append(",\"type\":");
                    Write(record.Fields[i].Schema, builder, written);
                    builder.Append('}');
                }
                builder.Append("]}");
                break;
            case EnumSchema enumSchema:
                builder.Append("{\"name\":");
                Quote(builder, enumSchema.FullName);
                builder.Append(",\"type\":\"enum\",\"symbols\":[");
                for (var i = 0; i < enumSchema.Symbols.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    Quote(builder, enumSchema.Symbols[i]);
                }
                builder.Append("]}");
                break;
            case FixedSchema fixedSchema:
                builder.Append("{\"name\":");
                Quote(builder, fixedSchema.FullName);
                builder.Append(",\"type\":\"fixed\",\"size\":").Append(fixedSchema.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('}');
                break;
            case ArraySchema array:
                builder.Append("{\"type\":\"array\",\"items\":");
                Write(array.Items, builder, written);
                builder.Append('}');
                break;
            case MapSchema map:
                builder.Append("{\"type\":\"map\",\"values\":");
                Write(map.Values, builder, written);
                builder.Append('}');
                break;
            case UnionSchema union:
                builder.Append('[');
                for (var i = 0; i < union.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    Write(union.Branches[i], builder, written);
                }
                builder.Append(']');
                break;
            default:
                throw new AvroException($"unsupported schema type {schema.Type}.");
        }
    }

    // Names and symbols are restricted to [A-Za-z0-9_.], so no character needs escaping.
    private static void Quote(StringBuilder builder, string text) => builder.Append('"').Append(text).Append('"');
}
