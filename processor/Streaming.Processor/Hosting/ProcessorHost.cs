using Streaming.Observability;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serdes;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Processor.Streams;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Hosting;

/// <summary>
/// Runs the pipeline topology on Streamiz: one <see cref="KafkaStream"/> until stopped, or, for a bounded run, until
/// every result of the input up to the end offsets captured at start has been produced; disposing the stream then
/// commits it (the last transaction under exactly_once).
/// </summary>
public sealed class ProcessorHost(ProcessorRunSettings settings, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    public RunSummary Summary { get; } = new();

    /// <summary>What /health answers; ready once Streamiz is RUNNING (its tasks assigned and restored).</summary>
    public HealthState? Health { get; init; }

    public InputBounds Bounds { get; } = new();

    /// <summary>Wall time from the first processed record (seen within <see cref="s_pollInterval"/>) to the end of the run; null if none was.</summary>
    public TimeSpan? ProcessingTime { get; private set; }

    /// <summary>The topology for trips topics of <paramref name="layout"/>'s partition counts.</summary>
    public Streamiz.Kafka.Net.Stream.Topology BuildTopology(CityRepartitionLayout layout)
    {
        var matcher = MarkedWordMatcher.FromFile(ResolveDataFile(settings.Options.MarkedWordsFile));
        return StreamizPipelineTopology.Build(settings.Options, new AvroSerdes(settings.SchemaRegistry), matcher, settings.Topics, Summary, layout, Bounds);
    }

    /// <summary>The city repartition topic gets as many partitions as trips has, as Kafka Streams would give it.</summary>
    public CityRepartitionLayout Layout(IReadOnlyDictionary<string, int> partitions) =>
        new(partitions[settings.Topics.Trips], partitions[settings.Topics.Trips]);

    /// <exception cref="ProcessorFailedException">Streamiz stopped with an error.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var inputs = new InputPartitions(settings.Kafka, settings.ApplicationId);
        var partitions = inputs.Count(settings.Topics.Inputs);
        if (settings.UntilEnd)
        {
            inputs.Bound(Bounds, partitions, settings.StartOffsets, settings.EndOffsets);
        }
        var layout = Layout(partitions);
        var config = StreamizConfigFactory.Create(settings, loggerFactory);
        Exception? failure = null;
        config.InnerExceptionHandler = ex =>
        {
            failure ??= ex;
            return ExceptionHandlerResponse.FAIL;
        };
        var builder = new TokenRefreshClientBuilder(KafkaClientConfigFactory.OAuthBearerRefreshHandler(settings.Kafka, loggerFactory.CreateLogger("Streaming.Kafka.MskIam")));
        DateTimeOffset? firstRecordAt = null;
        var stream = new KafkaStream(BuildTopology(layout), config, new BoundedClientSupplier(config, builder, Bounds));
        var errored = false;
        stream.StateChanged += (_, now) =>
        {
            errored |= now == KafkaStream.State.ERROR;
            if (now == KafkaStream.State.RUNNING)
            {
                Health?.MarkReady();
            }
            else if (now == KafkaStream.State.ERROR)
            {
                Health?.MarkFailed("Streamiz stopped with an error (see the log)");
            }
        };
        try
        {
            await stream.StartAsync(cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested && !errored && !(settings.UntilEnd && Bounds.IsComplete(layout.Partitions)))
            {
                await Task.Delay(s_pollInterval, CancellationToken.None).ConfigureAwait(false);
                firstRecordAt ??= Summary.Conservation().Any(c => c.In > 0) ? DateTimeOffset.UtcNow : null;
            }
        }
        finally
        {
            // Closing commits what every task has processed: in a bounded run, all of its results.
            stream.Dispose();
        }
        ProcessingTime = DateTimeOffset.UtcNow - firstRecordAt;
        cancellationToken.ThrowIfCancellationRequested();
        if (errored || failure is not null)
        {
            throw new ProcessorFailedException(Cause(failure)?.Message ?? "Streamiz stopped with an error (see the log above).", failure);
        }
    }

    /// <summary>Streamiz wraps what a processor or serde threw; a registry outage is reported as itself, naming the URL.</summary>
    private static Exception? Cause(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SchemaRegistryUnavailableException)
            {
                return e;
            }
        }
        return failure;
    }

    /// <summary>A relative data file is looked up in the working folder, then next to the executable.</summary>
    private static string ResolveDataFile(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return path;
        }
        var besideBinary = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideBinary)
            ? besideBinary
            : throw new ConfigurationException(ProcessorOptions.MarkedWordsFileKey,
                $"The marked-words file '{path}' was not found; set {ProcessorOptions.MarkedWordsFileKey} (STREAMING__PROCESSOR__MARKEDWORDSFILE) to its path.");
    }
}
