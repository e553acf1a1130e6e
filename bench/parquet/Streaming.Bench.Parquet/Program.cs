using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Streaming.Bench.Parquet;

// Parquet write benchmark: our writer against DuckDB's COPY ... (FORMAT parquet, COMPRESSION snappy) on the
// same rows. Runs alternate (ours, DuckDB, ours, ...) so background load affects both alike; best runs are compared.
// Usage: Streaming.Bench.Parquet [--rows N] [--runs K] [--work DIR] [--repo DIR]
var rowCount = 1_000_000;
var runs = 3;
var work = Path.Combine(Path.GetTempPath(), "streaming-bench-parquet");
var repo = Directory.GetCurrentDirectory();
for (var i = 0; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--rows" when value is not null: rowCount = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--runs" when value is not null: runs = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--work" when value is not null: work = value; break;
        case "--repo" when value is not null: repo = value; break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'. Options: --rows N, --runs K, --work DIR, --repo DIR.");
            return 2;
    }
}
Directory.CreateDirectory(work);

Console.WriteLine($"Generating {rowCount:N0} trip rows...");
var rows = TripRows.Generate(rowCount, seed: 20261121);
var csv = Path.Combine(work, "trips.csv");
rows.WriteCsv(csv);
var ours = Path.Combine(work, "ours.parquet");

var psi = new ProcessStartInfo("node") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
foreach (var arg in new[] { Path.Combine(repo, "bench", "parquet", "duckdb-copy.mjs"), csv, Path.Combine(work, "duckdb.parquet"), ours })
{
    psi.ArgumentList.Add(arg);
}
using var duckdb = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started.");
async Task<JsonElement> AskDuckDbAsync(string? command)
{
    if (command is not null)
    {
        await duckdb.StandardInput.WriteLineAsync(command);
        await duckdb.StandardInput.FlushAsync();
    }
    var line = await duckdb.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The DuckDB side exited early.");
    return JsonDocument.Parse(line).RootElement.Clone();
}
await AskDuckDbAsync(null); // loaded

var ourTimes = new List<double>();
var duckTimes = new List<double>();
long ourSize = 0;
for (var run = 0; run < runs; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var stopwatch = Stopwatch.StartNew();
    ourSize = await TripParquetWriter.WriteAsync(rows, ours);
    ourTimes.Add(stopwatch.Elapsed.TotalSeconds);
    duckTimes.Add((await AskDuckDbAsync("copy")).GetProperty("copySeconds").GetDouble());
    Console.WriteLine($"  run {run + 1}: ours {ourTimes[^1]:F3} s, duckdb {duckTimes[^1]:F3} s");
}
var check = await AskDuckDbAsync("check");
duckdb.StandardInput.Close();
await duckdb.WaitForExitAsync();

var duckSize = check.GetProperty("duckdbBytes").GetInt64();
var mismatches = check.GetProperty("rowsDiffering").GetInt64();
var ourRowsRead = check.GetProperty("oursRows").GetInt64();
var timeRatio = ourTimes.Min() / duckTimes.Min();
var sizeRatio = (double)ourSize / duckSize;
Console.WriteLine();
Console.WriteLine($"rows      {rowCount:N0} (DuckDB read {ourRowsRead:N0} back from our file; rows differing from DuckDB's own file: {mismatches})");
Console.WriteLine($"ours      best {ourTimes.Min():F3} s  {ourSize:N0} bytes");
Console.WriteLine($"duckdb    best {duckTimes.Min():F3} s  {duckSize:N0} bytes  (COPY only; {Environment.ProcessorCount} cores)");
Console.WriteLine($"time ratio (ours/duckdb) {timeRatio:F2}  goal <= 1.5   {(timeRatio <= 1.5 ? "met" : "MISSED")}");
Console.WriteLine($"size ratio (ours/duckdb) {sizeRatio:F3} goal <= 1.15  {(sizeRatio <= 1.15 ? "met" : "MISSED")}");
return mismatches == 0 && ourRowsRead == rowCount ? 0 : 1;
