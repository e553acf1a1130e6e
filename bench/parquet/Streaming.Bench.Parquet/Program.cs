using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Streaming.Bench.Parquet;

// Parquet write benchmark: our writer against DuckDB's COPY ... (FORMAT parquet, COMPRESSION snappy) on the same rows.
// Usage: Streaming.Bench.Parquet [--rows N] [--runs K] [--work DIR] [--repo DIR]
var rowCount = 1_000_000;
var runs = 3;
var work = Path.Combine(Path.GetTempPath(), "streaming-bench-parquet");
var repo = Directory.GetCurrentDirectory();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rows": rowCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--work": work = args[i + 1]; break;
        case "--repo": repo = args[i + 1]; break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --rows N, --runs K, --work DIR, --repo DIR.");
            return 2;
    }
}
Directory.CreateDirectory(work);

Console.WriteLine($"Generating {rowCount:N0} trip rows...");
var rows = TripRows.Generate(rowCount, seed: 20261121);
var csv = Path.Combine(work, "trips.csv");
rows.WriteCsv(csv);

var ours = Path.Combine(work, "ours.parquet");
var ourTimes = new List<double>();
long ourSize = 0;
for (var run = 0; run < runs; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var stopwatch = Stopwatch.StartNew();
    ourSize = await TripParquetWriter.WriteAsync(rows, ours);
    ourTimes.Add(stopwatch.Elapsed.TotalSeconds);
    Console.WriteLine($"  ours   run {run + 1}: {ourTimes[^1]:F3} s");
}

var script = Path.Combine(repo, "bench", "parquet", "duckdb-copy.mjs");
var psi = new ProcessStartInfo("node") { WorkingDirectory = repo, RedirectStandardOutput = true, UseShellExecute = false };
foreach (var arg in new[] { script, csv, Path.Combine(work, "duckdb.parquet"), ours, runs.ToString(CultureInfo.InvariantCulture) })
{
    psi.ArgumentList.Add(arg);
}
using var node = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started.");
var output = await node.StandardOutput.ReadToEndAsync();
await node.WaitForExitAsync();
if (node.ExitCode != 0)
{
    Console.Error.WriteLine($"The DuckDB side failed (exit {node.ExitCode}).");
    return 1;
}
using var result = JsonDocument.Parse(output);
var duckTimes = result.RootElement.GetProperty("copySeconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
foreach (var (time, run) in duckTimes.Select((t, r) => (t, r)))
{
    Console.WriteLine($"  duckdb run {run + 1}: {time:F3} s");
}
var duckSize = result.RootElement.GetProperty("duckdbBytes").GetInt64();
var mismatches = result.RootElement.GetProperty("rowsDiffering").GetInt64();
var ourRowsRead = result.RootElement.GetProperty("oursRows").GetInt64();

var timeRatio = ourTimes.Min() / duckTimes.Min();
var sizeRatio = (double)ourSize / duckSize;
Console.WriteLine();
Console.WriteLine($"rows                {rowCount:N0} (DuckDB read {ourRowsRead:N0} back from our file; rows differing from DuckDB's own: {mismatches})");
Console.WriteLine($"ours    best {ourTimes.Min():F3} s  {ourSize:N0} bytes");
Console.WriteLine($"duckdb  best {duckTimes.Min():F3} s  {duckSize:N0} bytes  (COPY only, {Environment.ProcessorCount} cores)");
Console.WriteLine($"time ratio (ours/duckdb) {timeRatio:F2}  goal <= 1.5  {(timeRatio <= 1.5 ? "met" : "MISSED")}");
Console.WriteLine($"size ratio (ours/duckdb) {sizeRatio:F3}  goal <= 1.15 {(sizeRatio <= 1.15 ? "met" : "MISSED")}");
return mismatches == 0 && ourRowsRead == rowCount ? 0 : 1;
