namespace Streaming.Parquet;

/// <summary>One top-level column of a flat Parquet schema.</summary>
/// <param name="Name">The column name as it appears in the file (path_in_schema).</param>
/// <param name="Type">The value type.</param>
/// <param name="Optional">True when the column may hold nulls (repetition OPTIONAL), false for REQUIRED.</param>
public sealed record ParquetColumn(string Name, ParquetColumnType Type, bool Optional = false);
