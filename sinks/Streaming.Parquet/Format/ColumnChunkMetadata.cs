namespace Streaming.Parquet.Format;

/// <summary>What the footer records about one written column chunk (Thrift ColumnChunk + ColumnMetaData).</summary>
internal sealed record ColumnChunkMetadata(
    PhysicalType Type,
    IReadOnlyList<ParquetEncoding> Encodings,
    string Path,
    CompressionCodec Codec,
    long NumValues,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    ColumnStatistics Statistics,
    IReadOnlyList<PageEncodingCount> EncodingStats)
{
    /// <summary>Where the chunk starts: its dictionary page when it has one, else its first data page.</summary>
    public long StartOffset => DictionaryPageOffset ?? DataPageOffset;
}

/// <summary>Thrift PageEncodingStats: how many pages of a type used an encoding.</summary>
internal sealed record PageEncodingCount(PageType PageType, ParquetEncoding Encoding, int Count);

/// <summary>What the footer records about one written row group.</summary>
internal sealed record RowGroupMetadata(IReadOnlyList<ColumnChunkMetadata> Columns, long NumRows, short Ordinal)
{
    public long TotalUncompressedSize => Columns.Sum(c => c.TotalUncompressedSize);

    public long TotalCompressedSize => Columns.Sum(c => c.TotalCompressedSize);

    public long FileOffset => Columns[0].StartOffset;
}
