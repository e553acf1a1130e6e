using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streaming.Bench.Runtime;
using Streaming.Runtime;
using Streaming.Contracts.Kafka;

// The package's librdkafka, bound before the first Kafka call (DESIGN §2).
LibrdkafkaLoader.EnsureLoadedOrExit("bench");

// One benchmark scenario per process (so peak RSS is per scenario); run.sh runs them all on one input topic.
// Usage: bench --bootstrap B --scenario produce|baseline|baseline-eos|passthrough|count-eos|count-alos --topic T [--records N]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
var bootstrap = options["bootstrap"];
var scenario = options["scenario"];
var topic = options["topic"];
var records = int.Parse(options.GetValueOrDefault("records", "150000"));
var suffix = Guid.NewGuid().ToString("N")[..8];
// --topic may list several inputs (a,b): the baseline then reads them all, like a multi-topic application.
var outputBase = topic.Replace(',', '_');

if (scenario == "produce")
{
    InputProducer.Produce(bootstrap, topic, records);
    Console.WriteLine($"produced {records} records to {topic}");
    return 0;
}

var watch = new Stopwatch();
// Output topics are created before the clock starts, for the baseline and the runtime alike.
InputProducer.EnsureTopic(bootstrap, $"{outputBase}-out-{scenario}-{suffix}");
long processed;
if (scenario is "baseline" or "baseline-eos")
{
    processed = Baseline.Run(bootstrap, topic.Split(','), $"{outputBase}-out-{scenario}-{suffix}", records, watch, transactional: scenario == "baseline-eos");
}
else
{
    var appId = $"bench-{scenario}-{suffix}";
    var output = $"{topic}-out-{scenario}-{suffix}";
    var topology = scenario == "passthrough" ? BenchTopologies.PassThrough(topic, output) : BenchTopologies.CountByKey(topic, output);
    var config = new StreamsConfig
    {
        ApplicationId = appId,
        BootstrapServers = bootstrap,
        BoundedMode = true,
        InstanceId = "bench",
        ProcessingGuarantee = scenario == "count-alos" ? ProcessingGuarantee.AtLeastOnce : ProcessingGuarantee.ExactlyOnce,
        BrokerLacksTransactionalIsolation = Environment.GetEnvironmentVariable("BENCH_ISOLATION") != "broker",
        NumStreamThreads = int.Parse(Environment.GetEnvironmentVariable("BENCH_THREADS") ?? "1"),
        CommitInterval = Environment.GetEnvironmentVariable("BENCH_COMMIT_MS") is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms)) : null,
    };
    // BENCH_LOG=debug shows the stream thread's poll/process/commit split.
    using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(
        Environment.GetEnvironmentVariable("BENCH_LOG") == "debug" ? LogLevel.Debug : LogLevel.Warning));
    var app = new StreamsApplication(topology, config, loggers);
    // The clock starts at the first processed record: group join and restore are start-up, not throughput.
    var run = app.RunAsync();
    while (!run.IsCompleted && app.Metrics.Snapshot().Sum(StreamsMetrics.RecordsIn) == 0)
    {
        await Task.Delay(5);
    }
    watch.Start();
    await run;
    watch.Stop();
    processed = app.Metrics.Snapshot().Get(StreamsMetrics.RecordsIn, topic);
}
using var self = Process.GetCurrentProcess();
self.Refresh();
var seconds = watch.Elapsed.TotalSeconds;
Console.WriteLine(FormattableString.Invariant($"RESULT scenario={scenario} records={processed} seconds={seconds:F2} eps={processed / seconds:F0} peak_rss_mb={self.PeakWorkingSet64 / 1048576.0:F0}"));
return processed == records ? 0 : 3;
