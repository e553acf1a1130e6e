using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace Streaming.Bench.Processor;

/// <summary>
/// Runs <see cref="StockDslTopology"/> on a <see cref="KafkaStream"/> under exactly_once with in-memory stores, the
/// way the processor host runs its bounded runs: the watch starts at the first record (seen within 50 ms) and stops
/// after every input record up to the end offsets is read, everything it repartitioned is aggregated, and disposing
/// the stream has committed the last transaction.
/// </summary>
internal static class StockDslRun
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(5);

    /// <summary>Counters unchanged this long end the run as incomplete (a stalled or trimmed-under-its-reader run).</summary>
    private static readonly TimeSpan s_stallTimeout = TimeSpan.FromSeconds(30);

    public static StreamConfig<ByteArraySerDes, ByteArraySerDes> Config(BenchOptions options, ILoggerFactory loggerFactory)
    {
        var config = new StreamConfig<ByteArraySerDes, ByteArraySerDes>
        {
            ApplicationId = options.ApplicationId,
            BootstrapServers = options.Bootstrap,
            Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
            NumStreamThreads = 1,
            CommitIntervalMs = options.CommitIntervalMs,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // As the processor's StreamizConfigFactory: Java clients' murmur2.
            Partitioner = Partitioner.Murmur2Random,
            Logger = loggerFactory,
        };
        // As the processor passes Kafka:Properties: a raw librdkafka property for every producer Streamiz builds.
        config.AddConfig("producer.compression.type", options.Compression);
        return config;
    }

    /// <returns>The counters at the end; incomplete when the run stalled (the watch then stops at the last progress).</returns>
    public static async Task<StockDslProgress> RunAsync(BenchOptions options, long expected, Stopwatch watch, ILoggerFactory loggerFactory)
    {
        var progress = new StockDslProgress();
        var topology = StockDslTopology.Build(options.Inputs[0], options.Output, options.Partitions, progress);
        var errored = false;
        TimeSpan? stalledAt = null;
        var stream = new KafkaStream(topology, Config(options, loggerFactory));
        stream.StateChanged += (_, now) => errored |= now == KafkaStream.State.ERROR;
        try
        {
            await stream.StartAsync().ConfigureAwait(false);
            var completeChecks = 0;
            var last = (progress.Inputs, progress.Aggregated);
            var lastChange = Stopwatch.StartNew();
            var lastReport = Stopwatch.StartNew();
            var progressAt = TimeSpan.Zero;
            // Complete on two polls in a row: the counters are read while the stream thread may be between two of them.
            while (!errored && completeChecks < 2)
            {
                await Task.Delay(s_pollInterval).ConfigureAwait(false);
                if (!watch.IsRunning && progress.Inputs > 0)
                {
                    watch.Start();
                }
                completeChecks = progress.IsComplete(expected) ? completeChecks + 1 : 0;
                var now = (progress.Inputs, progress.Aggregated);
                if (now != last)
                {
                    (last, progressAt) = (now, watch.Elapsed);
                    lastChange.Restart();
                }
                if (lastReport.Elapsed >= s_progressInterval)
                {
                    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} stock-dsl: {progress.Inputs}/{expected} input records, {progress.Repartitioned} repartitioned, {progress.Aggregated} aggregated");
                    lastReport.Restart();
                }
                if (watch.IsRunning && lastChange.Elapsed >= s_stallTimeout)
                {
                    Console.Error.WriteLine($"stock-dsl: no progress for {s_stallTimeout.TotalSeconds} s; ending the run as incomplete");
                    watch.Stop();
                    watch.Reset();
                    // The watch as it was at the last progress.
                    stalledAt = progressAt;
                    break;
                }
            }
        }
        finally
        {
            // Closing commits what every task has processed (the last transaction).
            stream.Dispose();
        }
        watch.Stop();
        Stalled = stalledAt;
        if (errored)
        {
            throw new InvalidOperationException("Streamiz stopped with an error (see the log above).");
        }
        Console.Error.WriteLine($"stock-dsl: {progress.Inputs} input records, {progress.Repartitioned} repartitioned, {progress.Aggregated} aggregated");
        return progress;
    }

    /// <summary>Set when the last run stalled: the time from its first record to its last progress.</summary>
    public static TimeSpan? Stalled { get; private set; }
}
