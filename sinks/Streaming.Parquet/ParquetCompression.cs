namespace Streaming.Parquet;

/// <summary>The page compression codec.</summary>
public enum ParquetCompression
{
    /// <summary>Pages are stored as encoded.</summary>
    Uncompressed,

    /// <summary>Pages are compressed with Snappy (raw block format).</summary>
    Snappy,
}
