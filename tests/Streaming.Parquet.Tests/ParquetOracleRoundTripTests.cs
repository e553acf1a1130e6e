using FluentAssertions;

namespace Streaming.Parquet.Tests;

/// <summary>Files written by <see cref="ParquetFileWriter"/> read back identically in DuckDB and hyparquet.</summary>
public sealed class ParquetOracleRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string, ParquetCompression, bool, int> Variants => new()
    {
        // name, codec, dictionary, dictionary limit (small limits force the mid-chunk fallback to PLAIN)
        { "snappy-dictionary", ParquetCompression.Snappy, true, 1024 * 1024 },
        { "uncompressed-dictionary", ParquetCompression.Uncompressed, true, 1024 * 1024 },
        { "snappy-plain", ParquetCompression.Snappy, false, 1024 * 1024 },
        { "uncompressed-plain", ParquetCompression.Uncompressed, false, 1024 * 1024 },
        { "snappy-dictionary-fallback", ParquetCompression.Snappy, true, 600 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task ShouldReadBackEveryValueInDuckDbAndHyparquetAcrossRowGroupsAndPages(
        string name, ParquetCompression compression, bool dictionary, int dictionaryLimit)
    {
        var table = EdgeCaseTable.Create(rows: 4000, seed: 42);
        var path = _folder.File(name + ".parquet");
        var options = new ParquetWriterOptions
        {
            Compression = compression,
            DictionaryForStrings = dictionary,
            DictionaryForNumbers = dictionary,
            DictionaryPageSizeLimitBytes = dictionaryLimit,
            PageRowLimit = 300,
            PageSizeBytes = 8 * 1024,
            RowGroupSizeBytes = 96 * 1024,
        };

        var writer = await table.WriteAsync(path, options);

        writer.RowCount.Should().Be(4000);
        writer.RowGroupCount.Should().BeGreaterThan(2, "the small row-group size should split 4000 rows");
        writer.BytesWritten.Should().Be(new FileInfo(path).Length);

        var duck = (await ParquetOracle.ReadWithDuckDbAsync([path])).Single();
        OracleAssert.SameDuckDbSchema(duck, table.Schema);
        OracleAssert.SameRows(duck, table, "DuckDB");

        var hyparquet = (await ParquetOracle.ReadWithHyparquetAsync([path])).Single();
        OracleAssert.SameHyparquetSchema(hyparquet, table.Schema);
        OracleAssert.SameRows(hyparquet, table, "hyparquet");
    }

    [Fact]
    public async Task ShouldWriteAReadableFileWithNoRows()
    {
        var table = new TestTable(EdgeCaseTable.Schema, []);
        var path = _folder.File("empty.parquet");

        var writer = await table.WriteAsync(path, new ParquetWriterOptions());

        writer.RowGroupCount.Should().Be(0);
        var duck = (await ParquetOracle.ReadWithDuckDbAsync([path])).Single();
        OracleAssert.SameDuckDbSchema(duck, table.Schema);
        duck.Rows.Should().BeEmpty();
        var hyparquet = (await ParquetOracle.ReadWithHyparquetAsync([path])).Single();
        hyparquet.Rows.Should().BeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}
