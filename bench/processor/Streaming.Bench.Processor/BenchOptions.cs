using System.Globalization;

namespace Streaming.Bench.Processor;

/// <summary>
/// Command line of the benchmark program:
/// <c>--scenario raw|stock-dsl|topics|watermarks --bootstrap B [--inputs a,b] [--app-id ID] [--output T] [--commit-ms N] [--partitions N]</c>.
/// </summary>
internal sealed record BenchOptions(
    string Scenario,
    string Bootstrap,
    IReadOnlyList<string> Inputs,
    string ApplicationId,
    string Output,
    int CommitIntervalMs,
    int Partitions,
    string Compression)
{
    public const string Usage =
        "bench-processor --scenario raw|stock-dsl|topics|watermarks --bootstrap HOST:PORT [--inputs bench.trips,bench.messages] " +
        "[--app-id ID] [--output TOPIC] [--commit-ms 1000] [--partitions 32] [--compression none|zstd|…]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'; usage: {Usage}");
            }
            values[args[i][2..]] = args[++i];
        }
        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required; usage: {Usage}");
        var scenario = Get("scenario");
        return new BenchOptions(
            scenario,
            Get("bootstrap"),
            Get("inputs", scenario == "stock-dsl" ? "bench.trips" : "bench.trips,bench.messages").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Get("app-id", "bench-" + scenario),
            Get("output", "bench." + scenario + "-out"),
            int.Parse(Get("commit-ms", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("partitions", "32"), CultureInfo.InvariantCulture),
            // librdkafka's compression.type of the scenario's producers (the raw output, the stock repartition and output).
            Get("compression", "none"));
    }
}
