namespace Streaming.Parquet;

/// <summary>Settings of a <see cref="ParquetFileWriter"/>. The defaults suit files of tens to hundreds of MiB.</summary>
public sealed class ParquetWriterOptions
{
    /// <summary>The library version written into created_by and the <c>writer</c> metadata entry.</summary>
    public const string WriterVersion = "1.0.0";

    /// <summary>The page codec. Default Snappy.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>
    /// A row group is flushed to the stream once its buffered encoded size reaches this many bytes, so
    /// the writer's memory is bounded by roughly this value, independent of the file size. Default 64 MiB.
    /// </summary>
    public long RowGroupSizeBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Compress pages on the thread pool while the next page is encoded (at most two pages in flight per
    /// column). Output is identical either way. Default true.
    /// </summary>
    public bool CompressInBackground { get; init; } = true;

    /// <summary>A data page is closed once its encoded size reaches this many bytes. Default 1 MiB.</summary>
    public int PageSizeBytes { get; init; } = 1024 * 1024;

    /// <summary>A data page is closed once it holds this many rows. Default 20,000 (as parquet-mr).</summary>
    public int PageRowLimit { get; init; } = 20_000;

    /// <summary>Dictionary-encode string columns. Default true.</summary>
    public bool DictionaryForStrings { get; init; } = true;

    /// <summary>Dictionary-encode INT32, INT64, DOUBLE and timestamp columns. Default true.</summary>
    public bool DictionaryForNumbers { get; init; } = true;

    /// <summary>
    /// Once a column chunk's dictionary (PLAIN-encoded) exceeds this many bytes, the rest of that chunk is
    /// written PLAIN. Default 1 MiB.
    /// </summary>
    public int DictionaryPageSizeLimitBytes { get; init; } = 1024 * 1024;

    /// <summary>The Avro schema (JSON) of the records, stored under the <c>avro.schema</c> key. Optional.</summary>
    public string? AvroSchemaJson { get; init; }

    /// <summary>Extra footer key-value metadata.</summary>
    public IReadOnlyDictionary<string, string>? KeyValueMetadata { get; init; }

    /// <summary>The build id inside created_by ("streaming-parquet version 1.0.0 (build X)"). Default "dev".</summary>
    public string Build { get; init; } = "dev";

    internal void Validate()
    {
        if (RowGroupSizeBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(RowGroupSizeBytes), RowGroupSizeBytes, "RowGroupSizeBytes must be at least 1024.");
        }
        if (PageSizeBytes < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSizeBytes), PageSizeBytes, "PageSizeBytes must be at least 64.");
        }
        if (PageRowLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PageRowLimit), PageRowLimit, "PageRowLimit must be positive.");
        }
        if (DictionaryPageSizeLimitBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DictionaryPageSizeLimitBytes), DictionaryPageSizeLimitBytes, "DictionaryPageSizeLimitBytes must not be negative.");
        }
    }
}
