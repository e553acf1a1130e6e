using Microsoft.Extensions.Logging;
using Streaming.Runtime;
using Streaming.Runtime.TestApp;
using Streaming.Contracts.Kafka;

// The package's librdkafka, bound before the first Kafka call (DESIGN §2).
LibrdkafkaLoader.EnsureLoadedOrExit("testapp");

// Hosts a test topology for the runtime's broker tests (crash, rebalance, bounded runs).
// Usage: testapp --topology count|windows|passthrough --bootstrap B --app-id A --input T --output T
//                [--guarantee exactly_once|at_least_once] [--until-end] [--instance ID] [--commit-ms N] [--mock-broker]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"testapp: unexpected argument '{args[i]}'");
        return 2;
    }
    var name = args[i][2..];
    if (name is "until-end" or "mock-broker")
    {
        flags.Add(name);
    }
    else if (i + 1 < args.Length)
    {
        options[name] = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"testapp: option --{name} needs a value");
        return 2;
    }
}
string Required(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"option --{name} is required");

using var loggers = LoggerFactory.Create(b => b
    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
    .SetMinimumLevel(options.TryGetValue("log-level", out var level) ? Enum.Parse<LogLevel>(level, true) : LogLevel.Information));
try
{
    var input = Required("input");
    var output = Required("output");
    var topology = Required("topology") switch
    {
        "count" => TestAppTopologies.CountPerKey(input, output),
        "windows" => TestAppTopologies.RepartitionedWindows(input, output),
        "passthrough" => TestAppTopologies.PassThrough(input, output),
        var other => throw new ArgumentException($"--topology '{other}' is not one of count, windows, passthrough"),
    };
    var config = new StreamsConfig
    {
        ApplicationId = Required("app-id"),
        BootstrapServers = Required("bootstrap"),
        ProcessingGuarantee = options.GetValueOrDefault("guarantee", "exactly_once") == "at_least_once" ? ProcessingGuarantee.AtLeastOnce : ProcessingGuarantee.ExactlyOnce,
        BoundedMode = flags.Contains("until-end"),
        InstanceId = options.GetValueOrDefault("instance", "testapp"),
        BrokerLacksTransactionalIsolation = flags.Contains("mock-broker"),
    };
    if (options.TryGetValue("session-timeout-ms", out var sessionMs))
    {
        config.ConsumerProperties["session.timeout.ms"] = sessionMs;
        config.ConsumerProperties["heartbeat.interval.ms"] = Math.Max(100, int.Parse(sessionMs) / 5).ToString();
    }
    if (options.TryGetValue("commit-ms", out var commitMs))
    {
        config.CommitInterval = TimeSpan.FromMilliseconds(int.Parse(commitMs));
    }
    var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    // SIGTERM: cancel instead of exiting, so RunAsync commits, leaves the group and Main returns 0.
    using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });
    var app = new StreamsApplication(topology, config, loggers);
    await app.RunAsync(stop.Token);
    var metrics = app.Metrics.Snapshot();
    Console.WriteLine($"testapp: done records-in={metrics.Sum(StreamsMetrics.RecordsIn)} records-out={metrics.Sum(StreamsMetrics.RecordsOut)} commits={metrics.Get(StreamsMetrics.Commits)} restored={metrics.Sum(StreamsMetrics.RestoredRecords)}");
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or StreamsException)
{
    Console.Error.WriteLine($"testapp: error: {ex.Message}");
    return 1;
}
