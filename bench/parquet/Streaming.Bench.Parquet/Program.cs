using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parquet;
using Streaming.Bench.Parquet;
using Streaming.Contracts.Kafka;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.S3;

// Parquet write benchmark: the S3 sink's writer (Parquet.Net 6.1 behind ParquetRecordWriter) against DuckDB's
// COPY ... (FORMAT parquet, COMPRESSION snappy) on the same rows. Runs alternate (sink, DuckDB, sink, ...) so background
// load affects both alike; best runs are compared. Then the levers (row-group size, column arrays, dictionary settings),
// one run each, and — with the dev stack up — the sink end to end (topic → file:// lake) against a consume-only loop.
// Usage: Streaming.Bench.Parquet [--rows N] [--runs K] [--e2e-rows N] [--work DIR] [--repo DIR]
LibrdkafkaLoader.EnsureLoadedOrExit("bench");
var rowCount = 1_000_000;
var runs = 3;
var e2eRows = 200_000;
var work = Path.Combine(Path.GetTempPath(), "streaming-bench-parquet");
var repo = Directory.GetCurrentDirectory();
for (var i = 0; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--rows" when value is not null: rowCount = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--runs" when value is not null: runs = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--e2e-rows" when value is not null: e2eRows = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--work" when value is not null: work = value; break;
        case "--repo" when value is not null: repo = value; break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'. Options: --rows N, --runs K, --e2e-rows N, --work DIR, --repo DIR.");
            return 2;
    }
}
Directory.CreateDirectory(work);

Console.WriteLine($"Generating {rowCount:N0} trip rows...");
var rows = TripRows.Generate(rowCount, seed: 20261121);
var csv = Path.Combine(work, "trips.csv");
rows.WriteCsv(csv);
var records = rows.ToSinkRecords("trips.clean");
var mapping = ParquetTableMappings.ForTopic("trips.clean")!;
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
var duckOneThreadTimes = new List<double>();
long ourSize = 0;
// One untimed round first: the JIT compiles both sides' code paths (DuckDB's process is warm after loading the CSV).
await SinkWriteAsync(ours, S3SinkOptions.DefaultRowGroupSizeBytes);
await AskDuckDbAsync("copy");
for (var run = 0; run < runs; run++)
{
    var (seconds, bytes) = await SinkWriteAsync(ours, S3SinkOptions.DefaultRowGroupSizeBytes);
    ourTimes.Add(seconds);
    ourSize = bytes;
    duckTimes.Add((await AskDuckDbAsync("copy")).GetProperty("copySeconds").GetDouble());
    duckOneThreadTimes.Add((await AskDuckDbAsync("copy1")).GetProperty("copySeconds").GetDouble());
    Console.WriteLine($"  run {run + 1}: sink writer {ourTimes[^1]:F3} s, duckdb {duckTimes[^1]:F3} s, duckdb on 1 thread {duckOneThreadTimes[^1]:F3} s");
}
var check = await AskDuckDbAsync("check");
duckdb.StandardInput.Close();
await duckdb.WaitForExitAsync();

var duckSize = check.GetProperty("duckdbBytes").GetInt64();
var mismatches = check.GetProperty("rowsDiffering").GetInt64();
var ourRowsRead = check.GetProperty("oursRows").GetInt64();
var duckBest = duckTimes.Min();
var timeRatio = ourTimes.Min() / duckBest;
var sizeRatio = (double)ourSize / duckSize;
Console.WriteLine();
Console.WriteLine($"rows      {rowCount:N0} (DuckDB read {ourRowsRead:N0} back from the sink's file; rows differing from DuckDB's own file: {mismatches})");
Console.WriteLine($"sink      best {ourTimes.Min():F3} s  {ourSize:N0} bytes  (ParquetRecordWriter, Parquet.Net 6.1, {S3SinkOptions.DefaultRowGroupSizeBytes >> 20} MiB row groups)");
Console.WriteLine($"duckdb    best {duckBest:F3} s  {duckSize:N0} bytes  (COPY only; {Environment.ProcessorCount} cores)");
Console.WriteLine($"duckdb    best {duckOneThreadTimes.Min():F3} s on 1 thread (the sink writes each file on one thread)");
Console.WriteLine($"time ratio (sink/duckdb) {timeRatio:F2}  goal <= 1.5   {(timeRatio <= 1.5 ? "met" : "MISSED")}");
var oneThreadRatio = ourTimes.Min() / duckOneThreadTimes.Min();
Console.WriteLine($"time ratio (sink/duckdb on 1 thread) {oneThreadRatio:F2}  goal <= 1.5   {(oneThreadRatio <= 1.5 ? "met" : "MISSED")}");
Console.WriteLine($"size ratio (sink/duckdb) {sizeRatio:F3} goal <= 1.15  {(sizeRatio <= 1.15 ? "met" : "MISSED")}");

Console.WriteLine();
Console.WriteLine("levers (one run each; ratios against DuckDB's best):");
var lever = Path.Combine(work, "lever.parquet");
foreach (var groupBytes in new[] { 32L << 20, 64L << 20, 256L << 20 })
{
    var (seconds, bytes) = await SinkWriteAsync(lever, groupBytes);
    Lever($"sink writer, {groupBytes >> 20} MiB row groups", seconds, bytes);
}
var sinkOptions = ParquetRecordWriterProvider.CreateOptions(mapping);
var noSampling = ParquetRecordWriterProvider.CreateOptions(mapping);
noSampling.DictionaryEncodingSampleSize = 0;
var libraryDefaults = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
var lowCardinalityOnly = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingSampleSize = ParquetRecordWriterProvider.DictionarySampleSize };
foreach (var column in new[] { "city", "driver_id", "payment_type" })
{
    lowCardinalityOnly.ColumnEncodingHints[column] = EncodingHint.Dictionary;
}
foreach (var (name, options, groupRows) in new[]
{
    ("column arrays, sink options, 122,880-row groups (DuckDB's)", sinkOptions, 122_880),
    ("column arrays, sink options, one row group", sinkOptions, rowCount),
    ("column arrays, dictionary without sampling", noSampling, rowCount),
    ("column arrays, dictionary hints on city, driver, payment only", lowCardinalityOnly, rowCount),
    ("column arrays, library defaults (no dictionary hints)", libraryDefaults, rowCount),
})
{
    var stopwatch = Stopwatch.StartNew();
    var bytes = await ColumnArrayWriter.WriteAsync(rows, lever, options, groupRows);
    Lever(name, stopwatch.Elapsed.TotalSeconds, bytes);
}

var e2eOk = true;
if (Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP") is { Length: > 0 } bootstrap)
{
    Console.WriteLine();
    e2eOk = await EndToEnd.RunAsync(bootstrap, e2eRows, work);
}
else
{
    Console.WriteLine("end to end skipped: KAFKA_BOOTSTRAP is not set (start the dev stack with scripts/dev.sh up).");
}
return mismatches == 0 && ourRowsRead == rowCount && e2eOk ? 0 : 1;

async Task<(double Seconds, long Bytes)> SinkWriteAsync(string path, long rowGroupBytes)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var folder = Path.GetDirectoryName(path)!;
    var provider = new ParquetRecordWriterProvider(mapping, new SpoolOnlyStorage(folder), rowGroupBytes, Path.Combine(folder, "spool"));
    var stopwatch = Stopwatch.StartNew();
    using var writer = provider.Create(Path.GetFileName(path));
    foreach (var record in records)
    {
        provider.Check(record);
        writer.Write(record);
    }
    var bytes = await writer.CommitAsync();
    return (stopwatch.Elapsed.TotalSeconds, bytes);
}

void Lever(string name, double seconds, long bytes) =>
    Console.WriteLine($"  {name,-58} {seconds,7:F3} s  time {seconds / duckBest:F2}  size {(double)bytes / duckSize:F3}");
