using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Confluent.Kafka;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.TestSupport;

namespace Streaming.S3Sink.Tests;

/// <summary>A trip as produced, with where it landed.</summary>
internal sealed record ProducedTrip(TripEvent Trip, int Partition, long Offset);

/// <summary>Fixtures against the dev stack: produce trips, run the sink binary, list and read the lake with DuckDB.</summary>
internal static class Lake
{
    public static string UniqueName(string stem) => stem + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Trips spread evenly over <paramref name="span"/> with ±<paramref name="jitterMinutes"/> of jitter; with
    /// <paramref name="lateEvery"/> &gt; 0, about one in that many is late as the producer makes them: 15 min to 3 h
    /// behind the stream (never before <paramref name="start"/>).
    /// </summary>
    public static List<TripEvent> Trips(int count, DateTimeOffset start, TimeSpan span, int seed, int jitterMinutes, int lateEvery = 0)
    {
        var random = new Random(seed);
        string[] cities = ["Lisbon", "São Paulo", "Zürich", "東京", "New York"];
        var step = span.TotalMilliseconds / count;
        return Enumerable.Range(0, count).Select(i =>
        {
            var pickup = start.ToUnixTimeMilliseconds() + (long)(i * step) + (random.Next(-jitterMinutes, jitterMinutes + 1) * 60_000L) + random.Next(1000);
            if (lateEvery > 0 && random.Next(lateEvery) == 0)
            {
                pickup = Math.Max(start.ToUnixTimeMilliseconds(), pickup - (random.Next(15, 181) * 60_000L));
            }
            return new TripEvent(
                $"trip-{seed}-{i:D6}",
                cities[random.Next(cities.Length)],
                pickup,
                pickup + random.Next(60_000, 3_600_000),
                Math.Round(random.NextDouble() * 40, 3),
                Math.Round(random.NextDouble() * 90, 2),
                random.Next(4) == 0 ? null : "driver-" + random.Next(100),
                random.Next(5) == 0 ? null : "rider-" + random.Next(1000),
                random.Next(3) == 0 ? null : (random.Next(2) == 0 ? "card" : "cash"));
        }).ToList();
    }

    /// <summary>Produces the trips (key trip_id, Confluent-framed Avro) in order and returns where each landed.</summary>
    public static List<ProducedTrip> Produce(string topic, IReadOnlyList<TripEvent> trips)
    {
        var config = KafkaClientConfigFactory.CreateProducerConfig(new KafkaSettings { BootstrapServers = DevStack.KafkaBootstrap });
        config.EnableIdempotence = true;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var serde = DevRegistry.Serdes.TripEvent;
        var results = new ProducedTrip?[trips.Count];
        Exception? error = null;
        for (var i = 0; i < trips.Count; i++)
        {
            var index = i;
            var value = serde.Serialize(trips[i], topic);
            producer.Produce(topic, new Message<string, byte[]> { Key = trips[i].TripId, Value = value }, report =>
            {
                if (report.Error.IsError)
                {
                    error ??= new KafkaException(report.Error);
                }
                results[index] = new ProducedTrip(trips[index], report.Partition.Value, report.Offset.Value);
            });
        }
        if (producer.Flush(TimeSpan.FromSeconds(60)) > 0)
        {
            throw new TimeoutException("trips were not acknowledged within 60 s");
        }
        return error is null ? results.Select(r => r!).ToList() : throw error;
    }

    /// <summary>The object keys the sink must write for in-order trips: one file per (partition, hour), named by its first offset.</summary>
    public static List<string> ExpectedKeysForOrderedTrips(string table, string topic, IEnumerable<ProducedTrip> produced) =>
        produced.GroupBy(p => (p.Partition, Hour: p.Trip.PickupTs / 3_600_000))
            .Select(g => $"{table}/{DateTimeOffset.FromUnixTimeMilliseconds(g.Key.Hour * 3_600_000).UtcDateTime.ToString("'dt='yyyy-MM-dd'/hour='HH", CultureInfo.InvariantCulture)}/{topic}+{g.Key.Partition}+{g.Min(p => p.Offset):D20}.parquet")
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string SinksDll() => ChildProcess.BuiltDll(Path.Combine("sinks", "Streaming.Sinks"), "sinks.dll");

    /// <summary><c>dotnet sinks.dll args…</c> with the dev stack's Kafka and S3 endpoints and s3rver's keys, but no default bucket.</summary>
    public static ProcessStartInfo SinkStartInfo(params string[] args)
    {
        var psi = ChildProcess.DotnetStartInfo(SinksDll(), args, new Dictionary<string, string>
        {
            ["KAFKA_BOOTSTRAP"] = DevStack.KafkaBootstrap,
            ["SCHEMA_REGISTRY_URL"] = DevStack.SchemaRegistryUrl,
            ["S3_ENDPOINT"] = DevStack.S3Endpoint,
            ["STREAMING__S3__ACCESSKEY"] = "S3RVER",
            ["STREAMING__S3__SECRETKEY"] = "S3RVER",
        }, workingDirectory: Path.GetTempPath());
        psi.Environment.Remove("S3_BUCKET");
        return psi;
    }

    /// <summary>Runs the sink to completion (bounded by <paramref name="timeout"/>); returns exit code, stdout, stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunSinkAsync(TimeSpan timeout, params string[] args)
    {
        var result = await ChildProcess.RunAsync(SinkStartInfo(args), timeout);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    public static AmazonS3Client S3Client() => new(new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonS3Config { ServiceURL = DevStack.S3Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", Timeout = TimeSpan.FromSeconds(30) });

    public static async Task<List<string>> ListKeysAsync(AmazonS3Client s3, string prefix)
    {
        // ListObjects (v1) with markers: s3rver 3.7.1 answers a truncated ListObjectsV2 (over 1000 keys) with InternalError.
        var keys = new List<string>();
        var request = new ListObjectsRequest { BucketName = DevStack.S3Bucket, Prefix = prefix };
        ListObjectsResponse response;
        do
        {
            response = await s3.ListObjectsAsync(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.Marker = keys.Count > 0 ? keys[^1] : null;
        }
        while (response.IsTruncated == true);
        return keys;
    }

    /// <summary>Downloads every Parquet object under <paramref name="prefix"/> into <paramref name="folder"/>, keeping the layout.</summary>
    public static async Task DownloadAsync(AmazonS3Client s3, string prefix, string folder)
    {
        // Only the data files: a checkpoint slot torn by a kill (s3rver keeps it) is the sink's business, not the lake's.
        foreach (var key in (await ListKeysAsync(s3, prefix)).Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            var target = Path.Combine(folder, key[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var response = await s3.GetObjectAsync(DevStack.S3Bucket, key);
            await using var file = File.Create(target);
            await response.ResponseStream.CopyToAsync(file);
        }
    }

    /// <summary>Reads every Parquet file under a folder with DuckDB: one row per record, with its file.</summary>
    public static async Task<List<LakeRow>> ReadTripsWithDuckDbAsync(string folder)
    {
        var glob = Path.Combine(folder, "**", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        var sql = $"SELECT trip_id, city, epoch_ms(pickup_ts)::VARCHAR AS pickup, epoch_ms(dropoff_ts)::VARCHAR AS dropoff, distance_km::VARCHAR AS distance, fare::VARCHAR AS fare, driver_id, rider_id, payment_type, filename FROM read_parquet('{glob}', filename = true, hive_partitioning = false)";
        var rows = await DuckDbQuery.RunAsync(sql, TimeSpan.FromMinutes(2));
        return rows.Select(e => new LakeRow(
            new TripEvent(
                e.GetProperty("trip_id").GetString()!,
                e.GetProperty("city").GetString()!,
                long.Parse(e.GetProperty("pickup").GetString()!, CultureInfo.InvariantCulture),
                long.Parse(e.GetProperty("dropoff").GetString()!, CultureInfo.InvariantCulture),
                double.Parse(e.GetProperty("distance").GetString()!, CultureInfo.InvariantCulture),
                double.Parse(e.GetProperty("fare").GetString()!, CultureInfo.InvariantCulture),
                e.GetProperty("driver_id").GetString(),
                e.GetProperty("rider_id").GetString(),
                e.GetProperty("payment_type").GetString()),
            Path.GetRelativePath(folder, e.GetProperty("filename").GetString()!).Replace(Path.DirectorySeparatorChar, '/'))).ToList();
    }
}

/// <summary>One record read back from the lake.</summary>
internal sealed record LakeRow(TripEvent Trip, string File);
