namespace Streaming.Parquet;

/// <summary>The column types the writer supports, each mapped to a Parquet physical and logical type.</summary>
public enum ParquetColumnType
{
    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>INT32.</summary>
    Int32,

    /// <summary>INT64.</summary>
    Int64,

    /// <summary>DOUBLE (IEEE 754 binary64).</summary>
    Double,

    /// <summary>BYTE_ARRAY annotated with the STRING logical type (converted type UTF8).</summary>
    String,

    /// <summary>BYTE_ARRAY without annotation: opaque bytes.</summary>
    Binary,

    /// <summary>
    /// INT64 milliseconds since the Unix epoch, annotated TIMESTAMP(isAdjustedToUTC = true, unit = MILLIS)
    /// (converted type TIMESTAMP_MILLIS).
    /// </summary>
    TimestampMillis,
}
