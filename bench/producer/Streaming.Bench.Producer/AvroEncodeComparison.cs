using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;
using Streaming.Producer.Output;

namespace Streaming.Bench.Producer;

/// <summary>
/// Avro encode rate of our codec against npm avsc on the same trip records (payload only, no Confluent header), best of
/// several runs each; also checks both wrote identical bytes.
/// </summary>
internal sealed class AvroEncodeComparison(BenchOptions options, IReadOnlyList<TripEvent> trips)
{
    public sealed record Result(int Records, double OursPerSecond, double AvscPerSecond, long Bytes, bool SameBytes);

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

            var codec = AvroCodecs.TripEvent;
            var best = double.MaxValue;
            byte[][] encoded = [];
            for (var run = 0; run < options.AvroRuns; run++)
            {
                var output = new byte[trips.Count][];
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < trips.Count; i++)
                {
                    output[i] = codec.Encode(trips[i]);
                }
                clock.Stop();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                encoded = output;
            }
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes = 0;
            foreach (var e in encoded)
            {
                hash.AppendData(e);
                bytes += e.Length;
            }
            var ourHash = Convert.ToHexStringLower(hash.GetHashAndReset());

            var avsc = await RunNodeAsync(Path.Combine(options.Repo, "bench", "producer", "avsc-encode.mjs"), schemaPath, valuesPath);
            using var doc = JsonDocument.Parse(avsc);
            var avscRate = doc.RootElement.GetProperty("records_per_second").GetDouble();
            var avscHash = doc.RootElement.GetProperty("sha256").GetString();
            return new Result(trips.Count, trips.Count / best, avscRate, bytes, avscHash == ourHash);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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
