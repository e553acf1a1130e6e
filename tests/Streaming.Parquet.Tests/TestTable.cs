namespace Streaming.Parquet.Tests;

/// <summary>A schema and its rows (as the boxed values <see cref="ParquetFileWriter.WriteRow"/> accepts).</summary>
internal sealed record TestTable(ParquetSchema Schema, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Writes the table to <paramref name="path"/> and returns the finished writer (for its counters).</summary>
    public async Task<ParquetFileWriter> WriteAsync(string path, ParquetWriterOptions options)
    {
        await using var stream = File.Create(path);
        var writer = new ParquetFileWriter(stream, Schema, options);
        foreach (var row in Rows)
        {
            writer.WriteRow(row);
        }
        await writer.CompleteAsync();
        return writer;
    }

    /// <summary>The rows in canonical string form.</summary>
    public List<List<string?>> CanonicalRows() =>
        Rows.Select(row => row.Select((v, i) => CanonicalValue.Of(Schema.Columns[i].Type, v)).ToList()).ToList();

    public string Describe() => string.Join(", ", Schema.Columns.Select(c => $"{c.Name}:{c.Type}{(c.Optional ? "?" : "")}")) + $" ({Rows.Count} rows)";
}
