using System.Text.Json;
using FluentAssertions;

namespace Streaming.Parquet.Tests;

/// <summary>DuckDB's parquet_metadata(), parquet_kv_metadata() and parquet_file_metadata() see what the writer recorded.</summary>
public sealed class ParquetMetadataTests : IDisposable
{
    private const string AvroSchema = """{"type":"record","name":"Trip","fields":[{"name":"id","type":"long"}]}""";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ShouldRecordStatisticsEncodingsAndCodecPerColumnChunk()
    {
        var path = await WriteKnownFileAsync();

        var rows = await ParquetOracle.QueryDuckDbAsync(
            "SELECT path_in_schema, type, stats_min, stats_max, stats_null_count, stats_min_value, stats_max_value, encodings, compression, num_values, " +
            $"dictionary_page_offset IS NOT NULL AS has_dictionary FROM parquet_metadata({ParquetOracle.Literal(path)}) ORDER BY column_id");

        var actual = rows.Select(r => string.Join(" | ", Text(r, "path_in_schema"), Text(r, "type"), Text(r, "stats_min"), Text(r, "stats_max"),
            Text(r, "stats_null_count"), Text(r, "stats_min_value"), Text(r, "stats_max_value"), Text(r, "encodings"), Text(r, "compression"),
            Text(r, "num_values"), Text(r, "has_dictionary")));
        actual.Should().Equal(
            // ten distinct ids: a dictionary does not pay, so the chunk is PLAIN
            "id | INT64 | 1 | 10 | 0 | 1 | 10 | PLAIN | SNAPPY | 10 | false",
            // strings: unsigned byte order, so no legacy (signed) min/max
            "city | BYTE_ARRAY | null | null | 2 | Amsterdam | Zürich | PLAIN, RLE, RLE_DICTIONARY | SNAPPY | 10 | true",
            "fare | DOUBLE | -2.25 | 100.0 | 3 | -2.25 | 100.0 | PLAIN, RLE | SNAPPY | 10 | false",
            // zeros: the lower bound is written as -0.0 even though -0.0 and +0.0 both occur
            "zero | DOUBLE | -0.0 | 1.0 | 0 | -0.0 | 1.0 | PLAIN, RLE_DICTIONARY | SNAPPY | 10 | true",
            "flag | BOOLEAN | false | true | 0 | false | true | PLAIN | SNAPPY | 10 | false",
            "ts | INT64 | 2026-11-21 00:00:00+00 | 2026-11-21 09:00:00+00 | 0 | 2026-11-21 00:00:00+00 | 2026-11-21 09:00:00+00 | PLAIN | SNAPPY | 10 | false",
            "n | INT32 | -8 | 0 | 5 | -8 | 0 | PLAIN, RLE | SNAPPY | 10 | false",
            @"payload | BYTE_ARRAY | null | null | 7 | \x00\x01 | \xC8\x01 | PLAIN, RLE | SNAPPY | 10 | false");
    }

    [Fact]
    public async Task ShouldRecordWriterAndAvroSchemaInKeyValueMetadata()
    {
        var path = await WriteKnownFileAsync();

        var rows = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({ParquetOracle.Literal(path)})");

        rows.Select(r => (Text(r, "k"), Text(r, "v"))).Should().Equal(
            ("writer", "streaming-parquet 1.0.0"),
            ("avro.schema", AvroSchema),
            ("origin", "metadata-test"));
    }

    [Fact]
    public async Task ShouldRecordCreatedByRowCountsAndColumnOrders()
    {
        var path = await WriteKnownFileAsync();

        var file = (await ParquetOracle.QueryDuckDbAsync(
            $"SELECT created_by, num_rows, num_row_groups, format_version, file_size_bytes, len(column_orders) AS orders FROM parquet_file_metadata({ParquetOracle.Literal(path)})")).Single();

        Text(file, "created_by").Should().Be("streaming-parquet version 1.0.0 (build test-build)");
        Text(file, "num_rows").Should().Be("10");
        Text(file, "num_row_groups").Should().Be("1");
        Text(file, "format_version").Should().Be("1");
        Text(file, "file_size_bytes").Should().Be(new FileInfo(path).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text(file, "orders").Should().Be("8");
    }

    [Fact]
    public async Task ShouldKeepStatisticsPerRowGroup()
    {
        var schema = new ParquetSchema(new ParquetColumn("v", ParquetColumnType.Int64), new ParquetColumn("s", ParquetColumnType.String, Optional: true));
        var path = _folder.File("groups.parquet");
        await using (var stream = File.Create(path))
        {
            var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { Compression = ParquetCompression.Uncompressed });
            for (var group = 0; group < 3; group++)
            {
                for (var i = 0; i < 100; i++)
                {
                    writer.SetInt64(0, group * 1000 + i);
                    writer.SetString(1, i % 10 == 0 ? null : $"g{group}-{i:D3}");
                    writer.EndRow();
                }
                await writer.FlushRowGroupAsync();
            }
            await writer.CompleteAsync();
            writer.RowGroupCount.Should().Be(3);
        }

        var rows = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata({ParquetOracle.Literal(path)}) ORDER BY row_group_id, column_id");

        rows.Select(r => $"{Text(r, "row_group_id")} {Text(r, "path_in_schema")} {Text(r, "stats_min_value")}..{Text(r, "stats_max_value")} nulls {Text(r, "stats_null_count")}")
            .Should().Equal(
                "0 v 0..99 nulls 0", "0 s g0-001..g0-099 nulls 10",
                "1 v 1000..1099 nulls 0", "1 s g1-001..g1-099 nulls 10",
                "2 v 2000..2099 nulls 0", "2 s g2-001..g2-099 nulls 10");
    }

    private async Task<string> WriteKnownFileAsync()
    {
        var schema = new ParquetSchema(
            new ParquetColumn("id", ParquetColumnType.Int64),
            new ParquetColumn("city", ParquetColumnType.String, Optional: true),
            new ParquetColumn("fare", ParquetColumnType.Double, Optional: true),
            new ParquetColumn("zero", ParquetColumnType.Double),
            new ParquetColumn("flag", ParquetColumnType.Boolean),
            new ParquetColumn("ts", ParquetColumnType.TimestampMillis),
            new ParquetColumn("n", ParquetColumnType.Int32, Optional: true),
            new ParquetColumn("payload", ParquetColumnType.Binary, Optional: true));
        string?[] cities = ["Berlin", "Amsterdam", null, "Zürich", "Berlin", "Berlin", null, "Amsterdam", "Berlin", "Zürich"];
        double?[] fares = [3.5, -2.25, null, 100.0, 7, null, null, 8, 9, 10];
        var path = _folder.File("known.parquet");
        await using var stream = File.Create(path);
        var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions
        {
            AvroSchemaJson = AvroSchema,
            KeyValueMetadata = new Dictionary<string, string> { ["origin"] = "metadata-test" },
            Build = "test-build",
        });
        for (var r = 0; r < 10; r++)
        {
            writer.SetInt64(0, r + 1);
            writer.SetString(1, cities[r]);
            if (fares[r] is { } fare)
            {
                writer.SetDouble(2, fare);
            }
            writer.SetDouble(3, r % 2 == 0 ? 0.0 : r == 1 ? -0.0 : 1.0);
            writer.SetBoolean(4, r % 3 == 0);
            writer.SetTimestamp(5, new DateTimeOffset(2026, 11, 21, r, 0, 0, TimeSpan.Zero));
            if (r % 2 == 0)
            {
                writer.SetInt32(6, -r);
            }
            if (r < 3)
            {
                writer.SetBinary(7, new byte[] { (byte)(r * 100), 1 });
            }
            await writer.EndRowAsync();
        }
        await writer.CompleteAsync();
        return path;
    }

    private static string Text(JsonElement row, string name) => row.GetProperty(name) switch
    {
        { ValueKind: JsonValueKind.Null } => "null",
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        var other => other.GetRawText(),
    };

    public void Dispose() => _folder.Dispose();
}
