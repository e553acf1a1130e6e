using FluentAssertions;

namespace Streaming.Parquet.Tests;

/// <summary>The writer's memory is bounded by the row-group size, and dictionaries fall back to PLAIN when they grow too large.</summary>
public sealed class ParquetWriterMemoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ShouldKeepBufferedBytesBelowRowGroupSizeWhileWritingManyRowGroups()
    {
        const long rowGroupSize = 256 * 1024;
        var schema = new ParquetSchema(
            new ParquetColumn("id", ParquetColumnType.Int64),
            new ParquetColumn("name", ParquetColumnType.String),
            new ParquetColumn("note", ParquetColumnType.String, Optional: true),
            new ParquetColumn("amount", ParquetColumnType.Double));
        var path = _folder.File("bounded.parquet");
        var random = new Random(7);
        long maxBuffered = 0;
        long rows = 60_000;
        await using (var stream = File.Create(path))
        {
            var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { RowGroupSizeBytes = rowGroupSize, PageSizeBytes = 32 * 1024 });
            for (var i = 0; i < rows; i++)
            {
                writer.SetInt64(0, i);
                writer.SetString(1, $"name-{random.Next():x8}-{i}");
                writer.SetString(2, i % 3 == 0 ? null : new string((char)('a' + i % 26), random.Next(0, 40)));
                writer.SetDouble(3, random.NextDouble() * 100);
                await writer.EndRowAsync();
                maxBuffered = Math.Max(maxBuffered, writer.BufferedBytes);
                writer.BufferedBytes.Should().BeLessThan(rowGroupSize);
            }
            writer.BytesWritten.Should().BeGreaterThan(rowGroupSize * 5, "the file is many times the row-group size");
            await writer.CompleteAsync();
            writer.RowGroupCount.Should().BeGreaterThan(5);
        }

        maxBuffered.Should().BeGreaterThan(rowGroupSize / 2, "row groups fill up to close to their size before flushing");
        var count = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT count(*) AS n, count(DISTINCT id) AS ids, max(id) AS last, (SELECT count(DISTINCT row_group_id) FROM parquet_metadata({ParquetOracle.Literal(path)})) AS groups FROM read_parquet({ParquetOracle.Literal(path)})");
        count.Single().GetProperty("n").GetString().Should().Be(rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        count.Single().GetProperty("ids").GetString().Should().Be("60000");
        count.Single().GetProperty("last").GetString().Should().Be("59999");
        int.Parse(count.Single().GetProperty("groups").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task ShouldFallBackToPlainWhenDictionaryExceedsLimitAndReadBackEqual()
    {
        var schema = new ParquetSchema(
            new ParquetColumn("low", ParquetColumnType.String),
            new ParquetColumn("high", ParquetColumnType.String, Optional: true),
            new ParquetColumn("n", ParquetColumnType.Int64));
        var rows = new List<object?[]>();
        for (var i = 0; i < 20_000; i++)
        {
            // "high" starts low-cardinality, so the first page keeps the dictionary; then it turns unique and overflows it.
            var high = i < 2000 ? $"repeat-{i % 5}" : $"unique-{i:D6}-🎉-{new string('x', i % 17)}";
            rows.Add([$"city-{i % 8}", i % 11 == 0 ? null : high, (long)(i < 2000 ? i % 3 : i)]);
        }
        var table = new TestTable(schema, rows);
        var path = _folder.File("fallback.parquet");
        var options = new ParquetWriterOptions { DictionaryPageSizeLimitBytes = 16 * 1024, PageRowLimit = 1000 };

        await table.WriteAsync(path, options);

        var chunks = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT path_in_schema AS p, encodings AS e FROM parquet_metadata({ParquetOracle.Literal(path)}) ORDER BY column_id");
        chunks.Select(c => $"{c.GetProperty("p").GetString()}: {c.GetProperty("e").GetString()}").Should().Equal(
            "low: PLAIN, RLE_DICTIONARY",
            "high: PLAIN, RLE, RLE_DICTIONARY",
            "n: PLAIN, RLE_DICTIONARY");
        var encodingStats = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT count(*) AS pages FROM parquet_metadata({ParquetOracle.Literal(path)}) WHERE path_in_schema = 'high' AND dictionary_page_offset IS NOT NULL");
        encodingStats.Single().GetProperty("pages").GetString().Should().Be("1");

        var duck = (await ParquetOracle.ReadWithDuckDbAsync([path])).Single();
        OracleAssert.SameRows(duck, table, "DuckDB");
        var hyparquet = (await ParquetOracle.ReadWithHyparquetAsync([path])).Single();
        OracleAssert.SameRows(hyparquet, table, "hyparquet");
    }

    public void Dispose() => _folder.Dispose();
}
