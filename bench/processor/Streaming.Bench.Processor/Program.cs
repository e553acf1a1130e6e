using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Streaming.Bench.Processor;
using Streaming.Contracts.Kafka;

// The package's librdkafka, bound before the first Kafka call (DESIGN §2).
LibrdkafkaLoader.EnsureLoadedOrExit("bench-processor");

// bench/processor's scenarios beside the processor itself, one per process (so peak RSS is per scenario):
//   raw        the transactional consume → produce loop over the inputs (the baseline);
//   stock-dsl  the hourly city windows as stock Streamiz DSL over the trips input;
//   topics     the topics stock-dsl needs beyond its input ('name partitions' lines), to create them beforehand;
//   watermarks records in the given topics and their partitions trimmed by the broker (low watermark above 0).
// raw and stock-dsl read the inputs up to their end offsets at start and print one RESULT line.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine("bench-processor: " + ex.Message);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(builder => builder
    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
    .SetMinimumLevel(LogLevel.Warning)
    // librdkafka's own lines (offset resets are informational) through Streamiz's client log adapter.
    .AddFilter("Streamiz.Kafka.Net.Kafka", LogLevel.Information));

switch (options.Scenario)
{
    case "topics":
    {
        var topology = StockDslTopology.Build(options.Inputs[0], options.Output, options.Partitions, new StockDslProgress());
        foreach (var line in TopologyTopicList.Lines(topology.Describe(), options.ApplicationId, options.Inputs, options.Partitions))
        {
            Console.WriteLine(line);
        }
        return 0;
    }
    case "watermarks":
    {
        var marks = TopicWatermarks.Read(options.Bootstrap, options.Inputs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"WATERMARKS records={marks.Records} trimmed={marks.Trimmed.Count()} {string.Join(' ', marks.Trimmed.Select(t => $"{t.Partition.Topic}-{t.Partition.Partition.Value}@{t.Low}"))}"));
        return 0;
    }
    case "raw" or "stock-dsl":
    {
        var input = TopicWatermarks.Read(options.Bootstrap, options.Inputs);
        var watch = new Stopwatch();
        long processed;
        var complete = true;
        var extra = "";
        var seconds = 0.0;
        if (options.Scenario == "raw")
        {
            processed = RawTransactionalLoop.Run(options, input.Records, watch);
            seconds = watch.Elapsed.TotalSeconds;
        }
        else
        {
            var progress = await StockDslRun.RunAsync(options, input.Records, watch, loggerFactory);
            processed = progress.Inputs;
            complete = progress.IsComplete(input.Records);
            seconds = (StockDslRun.Stalled ?? watch.Elapsed).TotalSeconds;
            extra = $" repartitioned={progress.Repartitioned} aggregated={progress.Aggregated} complete={(complete ? "yes" : "no")}";
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT scenario={options.Scenario} records={processed} expected={input.Records} seconds={seconds:F2} eps={processed / Math.Max(seconds, 0.001):F0} peak_rss_mb={self.PeakWorkingSet64 / 1048576.0:F0}{extra}"));
        // 3: the run ended without every record (run.sh reports it as invalid rather than failing).
        return processed == input.Records && complete ? 0 : 3;
    }
    default:
        Console.Error.WriteLine($"bench-processor: unknown scenario '{options.Scenario}'; usage: {BenchOptions.Usage}");
        return 2;
}
