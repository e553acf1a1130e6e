using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;
using Streaming.Sinks.S3;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.S3Sink.Tests;

public sealed class EndToEndTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-09-01T21:30:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ShouldWriteEveryRecordOnceToS3UnderDeterministicHourlyKeysWithMultipartUploads()
    {
        var topic = Lake.UniqueName("trips.clean.s3e2e");
        var prefix = Lake.UniqueName("lake");
        var produced = Lake.Produce(topic, Lake.Trips(400, Start, TimeSpan.FromHours(6), seed: 11, jitterMinutes: 0));

        // A threshold of 1 KiB sends every file through the multipart path (one part each).
        var (exit, stdout, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(2), "s3", "--topic", topic, "--table", "trips_clean", "--until-end",
            "--destination", $"s3://{DevStack.S3Bucket}/{prefix}", "--group-id", Lake.UniqueName("g"), "--multipart-threshold", "1024");
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("records=400").And.Contain("rows=400").And.Contain("rejected=0");

        using var s3 = Lake.S3Client();
        var keys = await Lake.ListKeysAsync(s3, prefix + "/");
        var expected = Lake.ExpectedKeysForOrderedTrips("trips_clean", topic, produced);
        keys.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)).Select(k => k[(prefix.Length + 1)..]).Order(StringComparer.Ordinal)
            .Should().Equal(expected);
        expected.Select(k => k.Split('/')[1]).Distinct().Should().Equal("dt=2025-09-01", "dt=2025-09-02");

        var folder = Path.Combine(Path.GetTempPath(), Lake.UniqueName("download"));
        await Lake.DownloadAsync(s3, prefix + "/", folder);
        var rows = await Lake.ReadTripsWithDuckDbAsync(folder);
        AssertExactlyOnce(rows, produced);
        rows.Should().OnlyContain(r => ExpectedKeyOf(r, produced, topic) == r.File, "each record sits in the file of its partition and hour");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ShouldWriteTheSameLayoutToFileDestinationWithCheckpoints()
    {
        var topic = Lake.UniqueName("trips.clean.s3file");
        var root = Path.Combine(Path.GetTempPath(), Lake.UniqueName("lake"));
        var produced = Lake.Produce(topic, Lake.Trips(300, Start, TimeSpan.FromHours(4), seed: 12, jitterMinutes: 0));

        var (exit, _, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(2), "s3", "--topic", topic, "--table", "trips_clean", "--until-end",
            "--destination", new Uri(root).AbsoluteUri, "--group-id", Lake.UniqueName("g"));
        exit.Should().Be(0, stderr);

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        files.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Should().Equal(Lake.ExpectedKeysForOrderedTrips("trips_clean", topic, produced));
        files.Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var partition in produced.GroupBy(p => p.Partition))
        {
            // Checkpoints alternate between two slots; the newer one holds the end.
            var checkpoint = new[] { "a", "b" }
                .Select(slot => Path.Combine(root, "trips_clean", "_checkpoints", $"{topic}+{partition.Key}.{slot}.json"))
                .Where(File.Exists)
                .Select(path => PartitionCheckpoint.FromJson(File.ReadAllBytes(path)))
                .MaxBy(c => c.ResumeOffset)!;
            checkpoint.ResumeOffset.Should().Be(partition.Max(p => p.Offset) + 1);
            checkpoint.OpenFiles.Should().BeEmpty();
        }
        AssertExactlyOnce(await Lake.ReadTripsWithDuckDbAsync(root), produced);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ShouldPutLateTripsIntoOneLateFilePerHourAndPartitionWithoutASmallFileStorm()
    {
        // 12 hours of trips over 4 partitions, 1 in 40 of them 15 min to 3 h late (as the producer's late trips are).
        var topic = Lake.UniqueName("trips.clean.s3late");
        var root = Path.Combine(Path.GetTempPath(), Lake.UniqueName("latelake"));
        var produced = Lake.Produce(topic, Lake.Trips(6000, Start, TimeSpan.FromHours(12), seed: 13, jitterMinutes: 2, lateEvery: 40));

        var (exit, stdout, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(3), "s3", "--topic", topic, "--table", "trips_clean", "--until-end",
            "--destination", new Uri(root).AbsoluteUri, "--group-id", Lake.UniqueName("g"));
        exit.Should().Be(0, stderr);

        var files = Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        var perHourAndPartition = files.GroupBy(f => (Hour: f.Split('/')[1] + "/" + f.Split('/')[2], Partition: f.Split('+')[^2])).Select(g => g.Count()).ToList();
        perHourAndPartition.Max().Should().Be(2, "on-time trips fill one file per hour and partition, late ones one more");
        perHourAndPartition.Count(n => n == 2).Should().BeGreaterThan(10, "late trips reach most hours");
        files.Count.Should().BeLessThanOrEqualTo(2 * 13 * 4);
        stdout.Should().Contain($"files={files.Count} ").And.Contain("max_files_per_hour_partition=2");
        AssertExactlyOnce(await Lake.ReadTripsWithDuckDbAsync(root), produced);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ShouldUploadLargeFileInPartsWithMd5ByteForByte()
    {
        var key = Lake.UniqueName("multipart") + "/big.bin";
        var data = new byte[(12 * 1024 * 1024) + 4321];
        new Random(5).NextBytes(data);
        var local = Path.Combine(Path.GetTempPath(), Lake.UniqueName("big"));
        await File.WriteAllBytesAsync(local, data);
        using var s3 = Lake.S3Client();
        using var storage = new S3Storage(Lake.S3Client(), DevStack.S3Bucket, "", new S3StorageOptions { MultipartThresholdBytes = 8L * 1024 * 1024, PartSizeBytes = 5L * 1024 * 1024 });

        await storage.PutFileAsync(key, local);

        storage.MultipartUploads.Should().Be(1);
        storage.PartsUploaded.Should().Be(3);
        using var response = await s3.GetObjectAsync(DevStack.S3Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        buffer.ToArray().Length.Should().Be(data.Length);
        SHA256.HashData(buffer.ToArray()).Should().Equal(SHA256.HashData(data));
        buffer.ToArray().AsSpan().SequenceEqual(data).Should().BeTrue();
        (await storage.GetBytesAsync(key + ".missing")).Should().BeNull();
        File.Delete(local);
    }

    [Fact]
    public async Task ShouldPrintAthenaDdlWithPartitionProjection()
    {
        var (exit, stdout, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(1), "s3", "ddl", "--table", "trips_clean", "--destination", "s3://lake-bucket/prod");
        exit.Should().Be(0, stderr);
        stdout.Should().Be("""
            CREATE EXTERNAL TABLE IF NOT EXISTS `trips_clean` (
              `trip_id` string,
              `city` string,
              `pickup_ts` timestamp,
              `dropoff_ts` timestamp,
              `distance_km` double,
              `fare` double,
              `driver_id` string,
              `rider_id` string,
              `payment_type` string
            )
            PARTITIONED BY (`dt` string, `hour` int)
            STORED AS PARQUET
            LOCATION 's3://lake-bucket/prod/trips_clean/'
            TBLPROPERTIES (
              'projection.enabled'='true',
              'projection.dt.type'='date',
              'projection.dt.format'='yyyy-MM-dd',
              'projection.dt.range'='2020-01-01,NOW',
              'projection.dt.interval'='1',
              'projection.dt.interval.unit'='DAYS',
              'projection.hour.type'='integer',
              'projection.hour.range'='0,23',
              'projection.hour.digits'='2',
              'storage.location.template'='s3://lake-bucket/prod/trips_clean/dt=${dt}/hour=${hour}/',
              'parquet.compression'='SNAPPY'
            );

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ShouldRejectHostileTableNameWithOneSentence()
    {
        var (exit, stdout, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(1), "s3", "--topic", "trips", "--table", "../../etc", "--destination", "file:///tmp/x");
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Be("sinks: Table name '../../etc' is not valid: use letters, digits and underscores only (e.g. trips_clean), with --table or STREAMING__S3SINK__TABLE.");
    }

    private static string ExpectedKeyOf(LakeRow row, List<ProducedTrip> produced, string topic)
    {
        var source = produced.Single(p => p.Trip.TripId == row.Trip.TripId);
        return Lake.ExpectedKeysForOrderedTrips("trips_clean", topic, produced.Where(p => p.Partition == source.Partition && p.Trip.PickupTs / 3_600_000 == source.Trip.PickupTs / 3_600_000)).Single();
    }

    internal static void AssertExactlyOnce(List<LakeRow> rows, List<ProducedTrip> produced)
    {
        rows.Should().HaveCount(produced.Count);
        rows.Select(r => r.Trip.TripId).Should().OnlyHaveUniqueItems();
        var byId = rows.ToDictionary(r => r.Trip.TripId, r => r.Trip);
        foreach (var p in produced)
        {
            byId.Should().ContainKey(p.Trip.TripId);
            byId[p.Trip.TripId].Should().Be(p.Trip, "every column round-trips through Parquet");
        }
    }
}
