using Parquet.Schema;

namespace Streaming.Sinks.S3;

/// <summary>
/// How one record type becomes a flat Parquet row: the Parquet.Net schema, the Athena column types, the record's Avro
/// schema (stored in the file's key-value metadata) and, per column, how its value is read from a record. Built by
/// <see cref="ParquetTableMappings"/>.
/// </summary>
public sealed class ParquetTableMapping
{
    private readonly Action<object>[] _checks;

    internal ParquetTableMapping(string recordType, Type valueType, string avroSchemaJson, IReadOnlyList<MappedColumn> columns, IEnumerable<Action<object>> checks)
    {
        RecordType = recordType;
        ValueType = valueType;
        AvroSchemaJson = avroSchemaJson;
        Columns = columns;
        Schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
        _checks = checks.ToArray();
    }

    /// <summary>The Avro record name, e.g. <c>TripEvent</c>.</summary>
    public string RecordType { get; }

    /// <summary>The decoded .NET type the mapping accepts.</summary>
    public Type ValueType { get; }

    /// <summary>The Avro schema JSON of the records.</summary>
    public string AvroSchemaJson { get; }

    /// <summary>The columns in file order, with their Athena types.</summary>
    public IReadOnlyList<MappedColumn> Columns { get; }

    /// <summary>The flat Parquet schema.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Checks that every column can hold its value of <paramref name="value"/>, before anything is buffered.</summary>
    /// <exception cref="ArgumentException">The value is not of <see cref="ValueType"/>.</exception>
    /// <exception cref="Streaming.Contracts.Serialization.RecordDecodeException">A timestamp outside years 1 to 9999; names the field.</exception>
    public void Check(object value)
    {
        if (!ValueType.IsInstanceOfType(value))
        {
            throw new ArgumentException($"The {RecordType} table cannot hold a {value?.GetType().Name ?? "null"} value.", nameof(value));
        }
        foreach (var check in _checks)
        {
            check(value);
        }
    }

    /// <summary>Empty column buffers for one file's row group, in column order.</summary>
    internal ColumnBuffer[] CreateBuffers() => Columns.Select(c => c.CreateBuffer()).ToArray();
}

/// <summary>One column of a <see cref="ParquetTableMapping"/>.</summary>
public sealed class MappedColumn
{
    internal MappedColumn(DataField field, string athenaType, Func<ColumnBuffer> createBuffer)
    {
        Field = field;
        AthenaType = athenaType;
        CreateBuffer = createBuffer;
    }

    /// <summary>The Parquet.Net field (name, type, nullability).</summary>
    public DataField Field { get; }

    /// <summary>The Athena (Hive) type of the column in <c>CREATE EXTERNAL TABLE</c>.</summary>
    public string AthenaType { get; }

    /// <summary>Creates an empty buffer that reads this column's value from a record.</summary>
    internal Func<ColumnBuffer> CreateBuffer { get; }
}
