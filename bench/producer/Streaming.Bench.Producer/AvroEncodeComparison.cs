using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.SyncOverAsync;
using Confluent.SchemaRegistry.Serdes;
using Streaming.Contracts.AvroRecords.Mapping;
using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;
using Streaming.Contracts.Serialization;
using Streaming.Producer.Output;

namespace Streaming.Bench.Producer;

/// <summary>
/// Avro encode rate on the same trip records, best of several runs each: the contracts' serde (what the producer,
/// processor and sinks use), Confluent's <c>AvroSerializer</c> (what tools may use) and npm avsc. The payloads (after the
/// 5-byte Confluent header) must be identical.
/// </summary>
internal sealed class AvroEncodeComparison(BenchOptions options, IReadOnlyList<TripEvent> trips, AvroSerdes serdes)
{
    public sealed record Result(int Records, double OursPerSecond, double ConfluentPerSecond, double AvscPerSecond, long Bytes, bool SameBytes);

    public async Task<Result> RunAsync()
    {
        var work = Path.Combine(Path.GetTempPath(), "bench-producer-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var schemaPath = Path.Combine(work, "TripEvent.avsc");
            var valuesPath = Path.Combine(work, "trips.jsonl");
            await File.WriteAllTextAsync(schemaPath, AvroSchemaFiles.TripEvent);
            await using (var values = File.Create(valuesPath))
            {
                foreach (var trip in trips)
                {
                    values.Write(ContractJson.ToUtf8(trip));
                    values.WriteByte((byte)'\n');
                }
            }

            var topic = "bench-avro-" + Environment.ProcessId;
            var (ours, ourPayloads) = Best(trip => serdes.TripEvent.Serialize(trip, topic));
            var confluentSerializer = new AvroSerializer<streaming.TripEvent>(serdes.Registry);
            var context = new SerializationContext(MessageComponentType.Value, topic);
            var sync = confluentSerializer.AsSyncOverAsync();
            var (confluent, confluentPayloads) = Best(trip => sync.Serialize(TripEventMapping.Instance.ToRecord(trip), context));
            var ourHash = Hash(ourPayloads, out var bytes);
            var confluentHash = Hash(confluentPayloads, out _);

            var avsc = await RunNodeAsync(Path.Combine(options.Repo, "bench", "producer", "avsc-encode.mjs"), schemaPath, valuesPath);
            using var doc = JsonDocument.Parse(avsc);
            var avscRate = doc.RootElement.GetProperty("records_per_second").GetDouble();
            var avscHash = doc.RootElement.GetProperty("sha256").GetString();
            return new Result(trips.Count, trips.Count / ours, trips.Count / confluent, avscRate, bytes, avscHash == ourHash && confluentHash == ourHash);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // Best seconds over the runs, and the last run's output.
    private (double Seconds, byte[][] Output) Best(Func<TripEvent, byte[]> encode)
    {
        var best = double.MaxValue;
        byte[][] output = [];
        for (var run = 0; run < options.AvroRuns; run++)
        {
            output = new byte[trips.Count][];
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < trips.Count; i++)
            {
                output[i] = encode(trips[i]);
            }
            clock.Stop();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return (best, output);
    }

    // SHA-256 over the Avro payloads, without the Confluent header, as the avsc script hashes its own.
    private static string Hash(byte[][] framed, out long bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        bytes = 0;
        foreach (var e in framed)
        {
            hash.AppendData(e.AsSpan(5));
            bytes += e.Length - 5;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task<string> RunNodeAsync(string script, string schemaPath, string valuesPath)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = options.Repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, schemaPath, valuesPath, options.AvroRuns.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("avsc script failed: " + await stderr);
        }
        return (await stdout).Trim();
    }
}
