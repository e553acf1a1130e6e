using System.Globalization;

namespace Streaming.Parquet.Tests;

/// <summary>The canonical string form of a value, as <see cref="ParquetOracle"/> prints what the readers return.</summary>
internal static class CanonicalValue
{
    public static string? Of(ParquetColumnType type, object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => double.IsNaN(d) ? "NaN" : "d:" + BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
        string s => s,
        byte[] bytes => Convert.ToHexStringLower(bytes),
        DateTimeOffset t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No canonical form for {value.GetType().Name} in a {type} column.", nameof(value)),
    };

    /// <summary>DuckDB's DESCRIBE type for a column type.</summary>
    public static string DuckDbType(ParquetColumnType type) => type switch
    {
        ParquetColumnType.Boolean => "BOOLEAN",
        ParquetColumnType.Int32 => "INTEGER",
        ParquetColumnType.Int64 => "BIGINT",
        ParquetColumnType.Double => "DOUBLE",
        ParquetColumnType.String => "VARCHAR",
        ParquetColumnType.Binary => "BLOB",
        ParquetColumnType.TimestampMillis => "TIMESTAMP WITH TIME ZONE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>hyparquet's schema element for a column, as the oracle script prints it.</summary>
    public static string HyparquetType(ParquetColumn column)
    {
        var repetition = column.Optional ? "OPTIONAL" : "REQUIRED";
        return column.Type switch
        {
            ParquetColumnType.Boolean => $"BOOLEAN|{repetition}||",
            ParquetColumnType.Int32 => $"INT32|{repetition}||",
            ParquetColumnType.Int64 => $"INT64|{repetition}||",
            ParquetColumnType.Double => $"DOUBLE|{repetition}||",
            ParquetColumnType.String => $"BYTE_ARRAY|{repetition}|UTF8|{{\"type\":\"STRING\"}}",
            ParquetColumnType.Binary => $"BYTE_ARRAY|{repetition}||",
            ParquetColumnType.TimestampMillis => $"INT64|{repetition}|TIMESTAMP_MILLIS|{{\"type\":\"TIMESTAMP\",\"isAdjustedToUTC\":true,\"unit\":\"MILLIS\"}}",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
        };
    }
}
