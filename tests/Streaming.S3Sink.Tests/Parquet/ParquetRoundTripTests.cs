using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.S3Sink.Tests.Parquet;

/// <summary>Every table's files, as the sink writes them with Parquet.Net, read back exactly in DuckDB and hyparquet.</summary>
public sealed class ParquetRoundTripTests : IDisposable
{
    private readonly TempDirectory _folder = new("s3sink-parquet-tests");

    public static TheoryData<string> Tables => new(TableSamples.Topics);

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task ShouldReadBackEveryValueOfEveryTableInDuckDbAndHyparquet(string topic)
    {
        // 64 KiB row groups split the 3000 rows into several, so each reader also crosses row-group boundaries.
        var records = TableSamples.Records(topic, 3000);
        var path = await SinkParquetFiles.WriteAsync(_folder, topic, records, rowGroupSizeBytes: 64 * 1024);
        var expected = records.Select(TableSamples.ExpectedRow).ToList();

        var groups = await ParquetOracle.QueryDuckDbAsync($"SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata({ParquetOracle.Literal(path)})");
        int.Parse(groups.Single().GetProperty("n").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(2);

        AssertSameRows((await ParquetOracle.ReadWithDuckDbAsync([path])).Single(), expected, "DuckDB");
        AssertSameRows((await ParquetOracle.ReadWithHyparquetAsync([path])).Single(), expected, "hyparquet");
    }

    private static void AssertSameRows(OracleFile actual, List<(string Name, string? Value)[]> expected, string reader)
    {
        actual.Columns.Select(c => c.Name).Should().Equal(expected[0].Select(c => c.Name), $"{reader} should see the table's columns in order");
        actual.Rows.Should().HaveCount(expected.Count, $"{reader} should read every row");
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < expected[r].Length; c++)
            {
                if (!string.Equals(actual.Rows[r][c], expected[r][c].Value, StringComparison.Ordinal))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"{reader} read row {r}, column '{expected[r][c].Name}' as {Show(actual.Rows[r][c])} but {Show(expected[r][c].Value)} was written.");
                }
            }
        }
    }

    private static string Show(string? value) => value is null ? "null" : value.Length > 80 ? $"\"{value[..80]}…\" (length {value.Length})" : $"\"{value}\"";

    public void Dispose() => _folder.Dispose();
}
