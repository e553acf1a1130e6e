using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Streaming.Contracts;
using Streaming.Contracts.Schemas;
using Streaming.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.S3Sink.Tests.Parquet;

/// <summary>What the sink's trip files record, as DuckDB's parquet_metadata(), parquet_schema() and parquet_kv_metadata() see it.</summary>
public sealed class ParquetMetadataTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-09-01T21:30:00Z", CultureInfo.InvariantCulture);
    private readonly TempDirectory _folder = new("s3sink-parquet-tests");

    [Fact]
    public async Task ShouldRecordSnappyStatisticsAndDictionaryPagesPerColumnChunk()
    {
        var trips = Lake.Trips(5000, Start, TimeSpan.FromHours(1), seed: 3, jitterMinutes: 0);
        var path = await SinkParquetFiles.WriteAsync(_folder, Topics.TripsClean, trips);

        var chunks = await ParquetOracle.QueryDuckDbAsync(
            "SELECT row_group_id, path_in_schema, type, stats_null_count, stats_min_value, stats_max_value, encodings, compression, " +
            $"total_compressed_size FROM parquet_metadata({ParquetOracle.Literal(path)}) ORDER BY column_id");
        foreach (var c in chunks)
        {
            output.WriteLine(string.Join(" | ", c.EnumerateObject().Select(p => $"{p.Name}={p.Value}")));
        }

        var byColumn = chunks.ToDictionary(c => Text(c, "path_in_schema")!);
        chunks.Select(c => Text(c, "row_group_id")).Should().OnlyContain(g => g == "0", "5000 trips fit one row group of the default size");
        chunks.Select(c => Text(c, "compression")).Should().OnlyContain(c => c == "SNAPPY");
        NullCount(byColumn["driver_id"]).Should().Be(trips.Count(t => t.DriverId is null)).And.BeGreaterThan(0);
        NullCount(byColumn["rider_id"]).Should().Be(trips.Count(t => t.RiderId is null));
        NullCount(byColumn["payment_type"]).Should().Be(trips.Count(t => t.PaymentType is null));
        NullCount(byColumn["trip_id"]).Should().Be(0);

        Text(byColumn["city"], "stats_min_value").Should().Be(trips.Select(t => t.City).Min(StringComparer.Ordinal));
        Text(byColumn["city"], "stats_max_value").Should().Be(trips.Select(t => t.City).Max(StringComparer.Ordinal));
        Text(byColumn["trip_id"], "stats_min_value").Should().Be(trips.Select(t => t.TripId).Min(StringComparer.Ordinal));
        double.Parse(Text(byColumn["fare"], "stats_min_value")!, CultureInfo.InvariantCulture).Should().Be(trips.Min(t => t.Fare));
        double.Parse(Text(byColumn["distance_km"], "stats_max_value")!, CultureInfo.InvariantCulture).Should().Be(trips.Max(t => t.DistanceKm));
        ParseTimestamp(Text(byColumn["pickup_ts"], "stats_min_value")!).Should().Be(trips.Min(t => t.PickupTs));
        ParseTimestamp(Text(byColumn["dropoff_ts"], "stats_max_value")!).Should().Be(trips.Max(t => t.DropoffTs));

        // Low-cardinality strings get a dictionary page; unique trip ids stay PLAIN. Parquet.Net 6.1 marks dictionary pages
        // PLAIN_DICTIONARY (the Parquet 1.0 name) and leaves dictionary_page_offset unset: the dictionary page is the chunk's
        // first page, at data_page_offset, where DuckDB and hyparquet find it.
        foreach (var column in new[] { "city", "driver_id", "rider_id", "payment_type" })
        {
            Text(byColumn[column], "encodings").Should().Contain("PLAIN_DICTIONARY", column);
        }
        Text(byColumn["trip_id"], "encodings").Should().Be("PLAIN, RLE");
        CompressedBytes(byColumn["city"]).Should().BeLessThan(trips.Count, "5000 cities of 5 values are 3-bit dictionary indexes, under a byte per row");
    }

    [Fact]
    public async Task ShouldWriteTimestampsAsUtcMillisAndOptionalFieldsAsNullableColumns()
    {
        var path = await SinkParquetFiles.WriteAsync(_folder, Topics.TripsClean, Lake.Trips(100, Start, TimeSpan.FromHours(1), seed: 4, jitterMinutes: 0));

        var schema = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT name, type, repetition_type, logical_type FROM parquet_schema({ParquetOracle.Literal(path)}) WHERE type IS NOT NULL ORDER BY name");
        var described = await ParquetOracle.QueryDuckDbAsync($"DESCRIBE SELECT * FROM read_parquet({ParquetOracle.Literal(path)})");

        schema.Select(r => $"{Text(r, "name")} {Text(r, "type")} {Text(r, "repetition_type")}").Should().Equal(
            "city BYTE_ARRAY REQUIRED", "distance_km DOUBLE REQUIRED", "driver_id BYTE_ARRAY OPTIONAL", "dropoff_ts INT64 REQUIRED", "fare DOUBLE REQUIRED",
            "payment_type BYTE_ARRAY OPTIONAL", "pickup_ts INT64 REQUIRED", "rider_id BYTE_ARRAY OPTIONAL", "trip_id BYTE_ARRAY REQUIRED");
        Text(schema.Single(r => Text(r, "name") == "pickup_ts"), "logical_type").Should().Contain("isAdjustedToUTC=1").And.Contain("MILLIS");
        described.Where(r => Text(r, "column_name")!.EndsWith("_ts", StringComparison.Ordinal)).Select(r => Text(r, "column_type"))
            .Should().Equal("TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE");
    }

    [Fact]
    public async Task ShouldSplitRowGroupsBySizeSettingAndKeepStatisticsPerRowGroup()
    {
        var trips = Lake.Trips(20_000, Start, TimeSpan.FromHours(1), seed: 5, jitterMinutes: 0);
        var path = await SinkParquetFiles.WriteAsync(_folder, Topics.TripsClean, trips, rowGroupSizeBytes: 512 * 1024);

        var groups = await ParquetOracle.QueryDuckDbAsync(
            $"SELECT row_group_id, row_group_num_rows AS n, stats_min_value AS lo, stats_max_value AS hi FROM parquet_metadata({ParquetOracle.Literal(path)}) " +
            "WHERE path_in_schema = 'trip_id' ORDER BY row_group_id");

        groups.Count.Should().BeInRange(2, 10, "512 KiB row groups split ~2 MiB of trips into a few");
        groups.Sum(g => long.Parse(Text(g, "n")!, CultureInfo.InvariantCulture)).Should().Be(trips.Count);
        var offset = 0;
        foreach (var group in groups)
        {
            var rows = trips.Skip(offset).Take(int.Parse(Text(group, "n")!, CultureInfo.InvariantCulture)).Select(t => t.TripId).ToList();
            Text(group, "lo").Should().Be(rows.Min(StringComparer.Ordinal));
            Text(group, "hi").Should().Be(rows.Max(StringComparer.Ordinal));
            offset += rows.Count;
        }
    }

    [Fact]
    public async Task ShouldStoreTheAvroSchemaAndRecordTypeInKeyValueMetadata()
    {
        var path = await SinkParquetFiles.WriteAsync(_folder, Topics.TripsClean, Lake.Trips(10, Start, TimeSpan.FromHours(1), seed: 6, jitterMinutes: 0));

        var rows = await ParquetOracle.QueryDuckDbAsync($"SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({ParquetOracle.Literal(path)}) ORDER BY k");

        rows.Select(r => (Text(r, "k"), Text(r, "v"))).Should().Equal(("avro.schema", AvroSchemaFiles.TripEvent), ("streaming.record_type", "TripEvent"));
    }

    private static string? Text(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: not JsonValueKind.Null } v ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    private static long CompressedBytes(JsonElement row) => long.Parse(Text(row, "total_compressed_size")!, CultureInfo.InvariantCulture);

    private static long NullCount(JsonElement row) => long.Parse(Text(row, "stats_null_count")!, CultureInfo.InvariantCulture);

    // DuckDB prints TIMESTAMP WITH TIME ZONE statistics as e.g. "2025-09-01 21:30:00.123+00".
    private static long ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text.EndsWith("+00", StringComparison.Ordinal) ? text + ":00" : text, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public void Dispose() => _folder.Dispose();
}
