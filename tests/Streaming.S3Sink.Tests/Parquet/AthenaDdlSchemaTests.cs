using System.Text.RegularExpressions;
using FluentAssertions;
using Streaming.Sinks.S3;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.S3Sink.Tests.Parquet;

/// <summary><c>sinks s3 ddl</c> declares the columns a real file of the table has, by DuckDB's reading of that file.</summary>
public sealed partial class AthenaDdlSchemaTests : IDisposable
{
    private readonly TempDirectory _folder = new("s3sink-parquet-tests");

    public static TheoryData<string> Tables => new(TableSamples.Topics);

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task ShouldDeclareTheColumnsAndTypesDuckDbReadsFromTheTablesFiles(string topic)
    {
        var path = await SinkParquetFiles.WriteAsync(_folder, topic, TableSamples.Records(topic, 5));
        var (exit, ddl, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(1), "s3", "ddl", "--table", "t", "--topic", topic, "--location", "s3://bucket/t/");
        exit.Should().Be(0, stderr);

        var described = await ParquetOracle.QueryDuckDbAsync($"DESCRIBE SELECT * FROM read_parquet({ParquetOracle.Literal(path)})");

        var declared = DdlColumn().Matches(ddl).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        declared.Should().Equal(described.Select(d => (d.GetProperty("column_name").GetString()!, AthenaTypeOf(d.GetProperty("column_type").GetString()!))));
        declared.Should().HaveCount(ParquetTableMappings.ForTopic(topic)!.Columns.Count);
    }

    // What Athena's Parquet reader maps each of DuckDB's types to.
    private static string AthenaTypeOf(string duckDbType) => duckDbType switch
    {
        "VARCHAR" => "string",
        "INTEGER" => "int",
        "BIGINT" => "bigint",
        "DOUBLE" => "double",
        "BLOB" => "binary",
        "TIMESTAMP WITH TIME ZONE" => "timestamp",
        _ => "no Athena type for DuckDB " + duckDbType,
    };

    // A column line of the CREATE TABLE's column list (partition columns are on the PARTITIONED BY line).
    [GeneratedRegex(@"^  `([^`]+)` ([a-z]+),?$", RegexOptions.Multiline)]
    private static partial Regex DdlColumn();

    public void Dispose() => _folder.Dispose();
}
