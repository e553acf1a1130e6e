using System.Globalization;
using Streaming.Bench.Producer;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Kafka;
using Streaming.Contracts.Serialization;

// The package's librdkafka, bound before the first Kafka call (DESIGN §2).
LibrdkafkaLoader.EnsureLoadedOrExit("bench");

// Producer benchmark (on demand, never in CI): our producer's events/s to the dev Kafka against a raw Confluent.Kafka
// producer with pre-encoded bytes of the same sizes and the same settings (alternating runs, best of each), then our
// Avro encode rate (our serde and Confluent's AvroSerializer) against avsc on the same trips.
var options = BenchOptions.Parse(args);
var records = BenchData.Generate(options.Trips, options.Messages, options.Repo);
var valueBytes = 0L;
Console.WriteLine($"bench: {records.Count} records ({options.Trips} trips, {options.Messages} messages with default dirt), {options.Runs} runs each, Kafka {options.Bootstrap}");

var registry = SchemaRegistrySettings.Bind(StreamingConfiguration.Build());
var kafka = new KafkaThroughput(options, registry, records);
var runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var encoded = await kafka.PreEncodeAsync($"bench-p{runId}-enc.");
valueBytes = encoded.Sum(e => (long)e.Message.Value.Length + e.Message.Key.Length);
// Alternating runs, so load from elsewhere on the machine hits both sides alike; best and median of each are reported.
var raws = new List<double>();
var ourRuns = new List<double>();
for (var run = 0; run < options.Runs; run++)
{
    // Swap the order every run, so neither side always runs first in a pair; let the broker settle before each run
    // (it is still digesting the previous run's records for a moment, which slows whoever comes next).
    double raw, ours;
    if (run % 2 == 0)
    {
        await Settle();
        raw = kafka.RunRaw($"bench-p{runId}-raw{run}.", encoded);
        await Settle();
        ours = await kafka.RunOursAsync($"bench-p{runId}-ours{run}.");
    }
    else
    {
        await Settle();
        ours = await kafka.RunOursAsync($"bench-p{runId}-ours{run}.");
        await Settle();
        raw = kafka.RunRaw($"bench-p{runId}-raw{run}.", encoded);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: run {run + 1}: raw {raw:0} events/s, ours {ours:0} events/s, ratio {ours / raw:0.00}"));
    raws.Add(raw);
    ourRuns.Add(ours);
}
double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
static Task Settle()
{
    GC.Collect();
    return Task.Delay(TimeSpan.FromSeconds(2));
}
var bestRaw = raws.Max();
var bestOurs = ourRuns.Max();
var medianRatio = Median(ourRuns.Zip(raws, (o, r) => o / r).ToList());

var trips = records.Where(r => r.Trip is not null).Select(r => r.Trip!).Take(options.AvroRecords).ToList();
using var serdes = new AvroSerdes(registry);
var avro = await new AvroEncodeComparison(options, trips, serdes).RunAsync();

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"measure",-34} {"ours",12} {"baseline",12} {"ratio",7}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"produce to dev Kafka (events/s)",-34} {bestOurs,12:0} {bestRaw,12:0} {bestOurs / bestRaw,7:0.00}   (best of {options.Runs} each; median of per-run ratios {medianRatio:0.00}; raw Confluent.Kafka, same bytes: {valueBytes / (double)records.Count:0} B key+value avg)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"Avro encode TripEvent (records/s)",-34} {avro.OursPerSecond,12:0} {avro.AvscPerSecond,12:0} {avro.OursPerSecond / avro.AvscPerSecond,7:0.00}   (avsc 5.7.9; {avro.Records} records, identical bytes: {(avro.SameBytes ? "yes" : "NO")})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"  Confluent AvroSerializer",-34} {avro.ConfluentPerSecond,12:0} {avro.AvscPerSecond,12:0} {avro.ConfluentPerSecond / avro.AvscPerSecond,7:0.00}   (ours / Confluent: {avro.OursPerSecond / avro.ConfluentPerSecond:0.00})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT produce_ours_eps={bestOurs:0} produce_raw_eps={bestRaw:0} produce_ratio={bestOurs / bestRaw:0.00} produce_median_ratio={medianRatio:0.00} avro_ours_rps={avro.OursPerSecond:0} avro_confluent_rps={avro.ConfluentPerSecond:0} avro_avsc_rps={avro.AvscPerSecond:0} avro_same_bytes={avro.SameBytes}"));
// The goal is judged on best-of-N: load from other processes on a shared 2-core machine only ever slows a run down
// (single runs move by 2x), so each side's best run is the closest to its undisturbed rate.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal: produce ratio >= 0.80 (best of {options.Runs} each: {bestOurs / bestRaw:0.00}) -> {(bestOurs / bestRaw >= 0.8 ? "met" : "NOT met")}"));
return avro.SameBytes ? 0 : 1;
