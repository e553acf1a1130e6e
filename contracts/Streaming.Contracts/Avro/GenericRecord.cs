namespace Streaming.Contracts.Avro;

/// <summary>A record value of the generic datum model: field values by position or name, per a <see cref="RecordSchema"/>.</summary>
/// <remarks>
/// The generic model: null, bool, int, long, float, double, byte[] (bytes), string, <see cref="GenericRecord"/>,
/// <see cref="GenericEnum"/>, <see cref="GenericFixed"/>, <see cref="IList{T}"/> of object (array) and
/// <see cref="IDictionary{TKey,TValue}"/> of string to object (map). Equality is deep (see <see cref="GenericData.DeepEquals"/>).
/// </remarks>
public sealed class GenericRecord : IEquatable<GenericRecord>
{
    private readonly object?[] _values;

    /// <summary>Creates a record with every field null.</summary>
    public GenericRecord(RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _values = new object?[schema.Fields.Count];
    }

    /// <summary>The record's schema.</summary>
    public RecordSchema Schema { get; }

    /// <summary>Field value by position.</summary>
    public object? this[int position]
    {
        get => _values[position];
        set => _values[position] = value;
    }

    /// <summary>Field value by name.</summary>
    /// <exception cref="KeyNotFoundException">The record has no such field.</exception>
    public object? this[string name]
    {
        get => _values[PositionOf(name)];
        set => _values[PositionOf(name)] = value;
    }

    /// <inheritdoc />
    public bool Equals(GenericRecord? other) =>
        other is not null && other.Schema.FullName == Schema.FullName && GenericData.DeepEquals(_values, other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GenericRecord);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Schema.FullName, _values.Length);

    /// <inheritdoc />
    public override string ToString() =>
        Schema.FullName + " { " + string.Join(", ", Schema.Fields.Select(f => f.Name + " = " + GenericData.Describe(_values[f.Position]))) + " }";

    private int PositionOf(string name) =>
        Schema.GetField(name)?.Position ?? throw new KeyNotFoundException($"record {Schema.FullName} has no field '{name}'.");
}
