using Streaming.Parquet;

namespace Streaming.Sinks.S3;

/// <summary>
/// How one record type becomes a flat Parquet row: the Parquet schema, the Athena column types, the record's Avro schema
/// (stored in the file's key-value metadata) and the code that sets each column. Built by <see cref="ParquetTableMappings"/>.
/// </summary>
public sealed class ParquetTableMapping
{
    private readonly Action<ParquetFileWriter, object> _writeRow;

    internal ParquetTableMapping(string recordType, Type valueType, string avroSchemaJson, IReadOnlyList<MappedColumn> columns, Action<ParquetFileWriter, object> writeRow)
    {
        RecordType = recordType;
        ValueType = valueType;
        AvroSchemaJson = avroSchemaJson;
        Columns = columns;
        Schema = new ParquetSchema(columns.Select(c => c.Column));
        _writeRow = writeRow;
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

    /// <summary>Sets every column of one row from <paramref name="value"/> and ends the row.</summary>
    /// <exception cref="ArgumentException">The value is not of <see cref="ValueType"/>.</exception>
    public void WriteRow(ParquetFileWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!ValueType.IsInstanceOfType(value))
        {
            throw new ArgumentException($"The {RecordType} table cannot hold a {value?.GetType().Name ?? "null"} value.", nameof(value));
        }
        _writeRow(writer, value);
    }
}

/// <summary>One column of a <see cref="ParquetTableMapping"/>.</summary>
/// <param name="Column">The Parquet column.</param>
/// <param name="AthenaType">The Athena (Hive) type of the column in <c>CREATE EXTERNAL TABLE</c>.</param>
public sealed record MappedColumn(ParquetColumn Column, string AthenaType);
