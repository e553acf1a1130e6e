namespace Streaming.Contracts.Avro;

/// <summary>A record schema.</summary>
public sealed class RecordSchema : NamedSchema
{
    private IReadOnlyList<RecordField> _fields = [];
    private Dictionary<string, RecordField> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates a record schema; fields are set by <see cref="SetFields"/> so that fields can refer to the record itself.</summary>
    public RecordSchema(string name, string? space, string? logicalType = null)
        : base(AvroType.Record, name, space, logicalType)
    {
    }

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<RecordField> Fields => _fields;

    /// <summary>The field with this name, or null.</summary>
    public RecordField? GetField(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Sets the fields once, while parsing or building.</summary>
    /// <exception cref="AvroException">A field name repeats.</exception>
    public void SetFields(IReadOnlyList<RecordField> fields)
    {
        var byName = new Dictionary<string, RecordField>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!byName.TryAdd(field.Name, field))
            {
                throw new AvroException($"record {FullName} declares field '{field.Name}' twice.");
            }
        }
        _fields = fields;
        _byName = byName;
    }
}
