using Streaming.Parquet.Format;

namespace Streaming.Parquet.Columns;

/// <summary>The per-column slice of <see cref="ParquetWriterOptions"/>.</summary>
internal sealed record ColumnWriterSettings(
    int PageSizeBytes,
    int PageRowLimit,
    bool UseDictionary,
    int DictionaryPageSizeLimitBytes,
    CompressionCodec Codec,
    bool CompressInBackground);
