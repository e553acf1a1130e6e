using System.Text.Json;

namespace Streaming.Contracts.Avro;

/// <summary>
/// Parses Avro schema JSON (Avro 1.11): primitives, records, enums, arrays, maps, unions, fixed, logical types,
/// references to named types defined earlier (including the enclosing record) and namespace inheritance.
/// </summary>
public static class AvroSchemaParser
{
    private static readonly Dictionary<string, AvroType> s_primitives = new(StringComparer.Ordinal)
    {
        ["null"] = AvroType.Null,
        ["boolean"] = AvroType.Boolean,
        ["int"] = AvroType.Int,
        ["long"] = AvroType.Long,
        ["float"] = AvroType.Float,
        ["double"] = AvroType.Double,
        ["bytes"] = AvroType.Bytes,
        ["string"] = AvroType.String,
    };

    /// <summary>Parses schema JSON text.</summary>
    /// <exception cref="AvroException">The text is not JSON or not a valid schema; the message says what is wrong.</exception>
    public static AvroSchema Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AvroException($"schema is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var names = new Dictionary<string, NamedSchema>(StringComparer.Ordinal);
            return ParseElement(document.RootElement, null, names);
        }
    }

    private static AvroSchema ParseElement(JsonElement element, string? space, Dictionary<string, NamedSchema> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return ResolveName(element.GetString()!, space, names);
            case JsonValueKind.Array:
                var branches = new List<AvroSchema>();
                foreach (var item in element.EnumerateArray())
                {
                    branches.Add(ParseElement(item, space, names));
                }
                return new UnionSchema(branches);
            case JsonValueKind.Object:
                return ParseObject(element, space, names);
            default:
                throw new AvroException($"{element.ValueKind} is not a schema: expected a type name, an object or a union array.");
        }
    }

    private static AvroSchema ResolveName(string name, string? space, Dictionary<string, NamedSchema> names)
    {
        if (s_primitives.TryGetValue(name, out var primitive))
        {
            return new PrimitiveSchema(primitive);
        }
        if (!name.Contains('.', StringComparison.Ordinal) && space is not null && names.TryGetValue(space + "." + name, out var inSpace))
        {
            return inSpace;
        }
        if (names.TryGetValue(name, out var named))
        {
            return named;
        }
        throw new AvroException($"type '{name}' is not a primitive type and no named type '{name}' is defined before it" +
            (space is null ? "." : $" (namespace '{space}')."));
    }

    private static AvroSchema ParseObject(JsonElement element, string? space, Dictionary<string, NamedSchema> names)
    {
        if (!element.TryGetProperty("type", out var typeElement))
        {
            throw new AvroException("schema object has no 'type' attribute.");
        }
        var logicalType = element.TryGetProperty("logicalType", out var logical) && logical.ValueKind == JsonValueKind.String ? logical.GetString() : null;
        if (typeElement.ValueKind != JsonValueKind.String)
        {
            // {"type": {...}} or {"type": [...]}: the attribute holds a schema of its own.
            return ParseElement(typeElement, space, names);
        }
        var type = typeElement.GetString()!;
        if (s_primitives.TryGetValue(type, out var primitive))
        {
            return new PrimitiveSchema(primitive, logicalType);
        }
        switch (type)
        {
            case "record":
            case "error":
            {
                var (name, ns) = ReadName(element, space, "record");
                var record = new RecordSchema(name, ns, logicalType);
                Define(record, names);
                if (!element.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Array)
                {
                    throw new AvroException($"record {record.FullName} has no 'fields' array.");
                }
                var fields = new List<RecordField>();
                foreach (var fieldElement in fieldsElement.EnumerateArray())
                {
                    if (fieldElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new AvroException($"record {record.FullName} has a field that is not an object.");
                    }
                    var fieldName = RequireString(fieldElement, "name", $"a field of record {record.FullName}");
                    ValidateName(fieldName, $"field of record {record.FullName}");
                    if (!fieldElement.TryGetProperty("type", out var fieldType))
                    {
                        throw new AvroException($"field '{fieldName}' of record {record.FullName} has no 'type'.");
                    }
                    var fieldSchema = ParseElement(fieldType, record.Namespace, names);
                    JsonElement? defaultValue = fieldElement.TryGetProperty("default", out var d) ? d.Clone() : null;
                    fields.Add(new RecordField(fieldName, fieldSchema, fields.Count, defaultValue));
                }
                record.SetFields(fields);
                return record;
            }
            case "enum":
            {
                var (name, ns) = ReadName(element, space, "enum");
                if (!element.TryGetProperty("symbols", out var symbolsElement) || symbolsElement.ValueKind != JsonValueKind.Array)
                {
                    throw new AvroException($"enum {name} has no 'symbols' array.");
                }
                var symbols = new List<string>();
                foreach (var symbol in symbolsElement.EnumerateArray())
                {
                    var text = symbol.ValueKind == JsonValueKind.String ? symbol.GetString()! : throw new AvroException($"enum {name} has a symbol that is not a string.");
                    ValidateName(text, $"symbol of enum {name}");
                    symbols.Add(text);
                }
                var defaultSymbol = element.TryGetProperty("default", out var def) && def.ValueKind == JsonValueKind.String ? def.GetString() : null;
                var schema = new EnumSchema(name, ns, symbols, defaultSymbol, logicalType);
                if (defaultSymbol is not null && schema.IndexOf(defaultSymbol) < 0)
                {
                    throw new AvroException($"enum {schema.FullName} default '{defaultSymbol}' is not one of its symbols.");
                }
                Define(schema, names);
                return schema;
            }
            case "fixed":
            {
                var (name, ns) = ReadName(element, space, "fixed");
                if (!element.TryGetProperty("size", out var sizeElement) || !sizeElement.TryGetInt32(out var size) || size < 0)
                {
                    throw new AvroException($"fixed {name} needs a non-negative integer 'size'.");
                }
                var schema = new FixedSchema(name, ns, size, logicalType);
                Define(schema, names);
                return schema;
            }
            case "array":
                return element.TryGetProperty("items", out var items)
                    ? new ArraySchema(ParseElement(items, space, names), logicalType)
                    : throw new AvroException("array schema has no 'items'.");
            case "map":
                return element.TryGetProperty("values", out var values)
                    ? new MapSchema(ParseElement(values, space, names), logicalType)
                    : throw new AvroException("map schema has no 'values'.");
            default:
                // {"type": "SomeName"} refers to a named type.
                return ResolveName(type, space, names);
        }
    }

    private static (string Name, string? Namespace) ReadName(JsonElement element, string? enclosingSpace, string kind)
    {
        var name = RequireString(element, "name", $"a {kind} schema");
        string? space;
        var lastDot = name.LastIndexOf('.');
        if (lastDot >= 0)
        {
            space = name[..lastDot];
            name = name[(lastDot + 1)..];
        }
        else if (element.TryGetProperty("namespace", out var nsElement) && nsElement.ValueKind is JsonValueKind.String or JsonValueKind.Null)
        {
            space = nsElement.ValueKind == JsonValueKind.Null ? null : nsElement.GetString();
        }
        else
        {
            space = enclosingSpace;
        }
        ValidateName(name, $"{kind} name");
        if (!string.IsNullOrEmpty(space))
        {
            foreach (var part in space.Split('.'))
            {
                ValidateName(part, $"namespace of {kind} {name}");
            }
        }
        return (name, string.IsNullOrEmpty(space) ? null : space);
    }

    private static void Define(NamedSchema schema, Dictionary<string, NamedSchema> names)
    {
        if (s_primitives.ContainsKey(schema.FullName))
        {
            throw new AvroException($"'{schema.FullName}' is a primitive type name and cannot name a {schema.Type.ToString().ToLowerInvariant()}.");
        }
        if (!names.TryAdd(schema.FullName, schema))
        {
            throw new AvroException($"named type '{schema.FullName}' is defined twice.");
        }
    }

    private static string RequireString(JsonElement element, string attribute, string where) =>
        element.TryGetProperty(attribute, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new AvroException($"{where} has no string '{attribute}'.");

    private static void ValidateName(string name, string what)
    {
        var valid = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        for (var i = 1; valid && i < name.Length; i++)
        {
            valid = char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_';
        }
        if (!valid)
        {
            throw new AvroException($"'{name}' is not a valid {what}: names start with [A-Za-z_] and contain only [A-Za-z0-9_].");
        }
    }
}
