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

    public static StreamConfig<ByteArraySerDes, ByteArraySerDes> Config(BenchOptions options, ILoggerFactory loggerFactory) => new()
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

    public static async Task<long> RunAsync(BenchOptions options, long expected, Stopwatch watch, ILoggerFactory loggerFactory)
    {
        var progress = new StockDslProgress();
        var topology = StockDslTopology.Build(options.Inputs[0], options.Output, options.Partitions, progress);
        var errored = false;
        var stream = new KafkaStream(topology, Config(options, loggerFactory));
        stream.StateChanged += (_, now) => errored |= now == KafkaStream.State.ERROR;
        try
        {
            await stream.StartAsync().ConfigureAwait(false);
            var completeChecks = 0;
            // Complete on two polls in a row: the counters are read while the stream thread may be between two of them.
            while (!errored && completeChecks < 2)
            {
                await Task.Delay(s_pollInterval).ConfigureAwait(false);
                if (!watch.IsRunning && progress.Inputs > 0)
                {
                    watch.Start();
                }
                completeChecks = progress.IsComplete(expected) ? completeChecks + 1 : 0;
            }
        }
        finally
        {
            // Closing commits what every task has processed (the last transaction).
            stream.Dispose();
        }
        watch.Stop();
        if (errored)
        {
            throw new InvalidOperationException("Streamiz stopped with an error (see the log above).");
        }
        Console.Error.WriteLine($"stock-dsl: {progress.Inputs} input records, {progress.Repartitioned} repartitioned, {progress.Aggregated} aggregated");
        return progress.Inputs;
    }
}
