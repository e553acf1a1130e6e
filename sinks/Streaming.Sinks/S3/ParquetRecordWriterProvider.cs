using Parquet;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.S3;

/// <summary>
/// Writes Parquet files of one table mapping with Parquet.Net and uploads them to a storage. Each file is spooled to a
/// local temporary file while open, so memory stays bounded by the row-group size per open file, not by the file size.
/// </summary>
public sealed class ParquetRecordWriterProvider : IRecordWriterProvider
{
    /// <summary>
    /// Parquet.Net dictionary-encodes a hinted string column when at most this share of its values in a row group are
    /// distinct (its own default is 0.8). Below it: city, payment type, ids of drivers and riders.
    /// </summary>
    public const double DictionaryThreshold = 0.8;

    /// <summary>
    /// How many values Parquet.Net looks at before it builds a whole dictionary: a column of unique ids (trip_id) fails
    /// on the sample and is written PLAIN without hashing every value of the row group.
    /// </summary>
    public const int DictionarySampleSize = 10_000;

    private readonly ParquetTableMapping _mapping;
    private readonly IStorage _storage;
    private readonly ParquetOptions _options;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly long _rowGroupSizeBytes;
    private readonly string _spoolDirectory;

    /// <summary>Creates the provider.</summary>
    /// <param name="mapping">The table mapping of the topic.</param>
    /// <param name="storage">Where committed files go.</param>
    /// <param name="rowGroupSizeBytes">A row group is written once its buffered, PLAIN-encoded size reaches this (bounds memory per open file).</param>
    /// <param name="spoolDirectory">Folder for open files; a folder under the system temp folder when null.</param>
    public ParquetRecordWriterProvider(ParquetTableMapping mapping, IStorage storage, long rowGroupSizeBytes = S3SinkOptions.DefaultRowGroupSizeBytes, string? spoolDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSizeBytes, 1);
        _mapping = mapping;
        _storage = storage;
        _rowGroupSizeBytes = rowGroupSizeBytes;
        _options = CreateOptions(mapping);
        _metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["avro.schema"] = mapping.AvroSchemaJson,
            ["streaming.record_type"] = mapping.RecordType,
        };
        _spoolDirectory = spoolDirectory ?? Path.Combine(Path.GetTempPath(), "streaming-s3-sink");
        Directory.CreateDirectory(_spoolDirectory);
    }

    /// <inheritdoc />
    public string Extension => ".parquet";

    /// <inheritdoc />
    public void Check(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _mapping.Check(record.Value);
    }

    /// <inheritdoc />
    public IRecordWriter Create(string key) =>
        new ParquetRecordWriter(key, _mapping, _storage, _options, _metadata, _rowGroupSizeBytes,
            Path.Combine(_spoolDirectory, Guid.NewGuid().ToString("N") + ".parquet"));

    /// <summary>
    /// Snappy pages; a dictionary hint on every string column (Parquet.Net dictionary-encodes only hinted string columns,
    /// and then only when the values repeat enough, see <see cref="DictionaryThreshold"/>).
    /// </summary>
    public static ParquetOptions CreateOptions(ParquetTableMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var options = new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Snappy,
            DictionaryEncodingThreshold = DictionaryThreshold,
            DictionaryEncodingSampleSize = DictionarySampleSize,
        };
        foreach (var column in mapping.Columns)
        {
            if (column.Field.ClrType == typeof(ReadOnlyMemory<char>))
            {
                options.ColumnEncodingHints[column.Field.Name] = EncodingHint.Dictionary;
            }
        }
        return options;
    }
}
