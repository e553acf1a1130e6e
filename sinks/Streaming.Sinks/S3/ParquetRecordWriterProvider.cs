using Streaming.Parquet;

namespace Streaming.Sinks.S3;

/// <summary>
/// Writes Parquet files of one table mapping and uploads them to a storage. Each file is spooled to a local temporary
/// file while open, so memory stays bounded by the row-group size per open file, not by the file size.
/// </summary>
public sealed class ParquetRecordWriterProvider : IRecordWriterProvider
{
    private readonly ParquetTableMapping _mapping;
    private readonly IStorage _storage;
    private readonly ParquetWriterOptions _options;
    private readonly string _spoolDirectory;

    /// <summary>Creates the provider.</summary>
    /// <param name="mapping">The table mapping of the topic.</param>
    /// <param name="storage">Where committed files go.</param>
    /// <param name="rowGroupSizeBytes">Row-group size of the files (bounds memory per open file).</param>
    /// <param name="spoolDirectory">Folder for open files; a folder under the system temp folder when null.</param>
    public ParquetRecordWriterProvider(ParquetTableMapping mapping, IStorage storage, long rowGroupSizeBytes = 16L * 1024 * 1024, string? spoolDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(storage);
        _mapping = mapping;
        _storage = storage;
        _options = new ParquetWriterOptions
        {
            Compression = ParquetCompression.Snappy,
            RowGroupSizeBytes = rowGroupSizeBytes,
            AvroSchemaJson = mapping.AvroSchemaJson,
            KeyValueMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["streaming.record_type"] = mapping.RecordType },
        };
        _spoolDirectory = spoolDirectory ?? Path.Combine(Path.GetTempPath(), "streaming-s3-sink");
        Directory.CreateDirectory(_spoolDirectory);
    }

    /// <inheritdoc />
    public string Extension => ".parquet";

    /// <inheritdoc />
    public IRecordWriter Create(string key) =>
        new ParquetRecordWriter(key, _mapping, _storage, _options, Path.Combine(_spoolDirectory, Guid.NewGuid().ToString("N") + ".parquet"));
}
