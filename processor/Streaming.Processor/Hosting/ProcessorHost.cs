using Microsoft.Extensions.Logging;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.SchemaRegistry;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;
using Streaming.Runtime;

namespace Streaming.Processor.Hosting;

/// <summary>Builds the pipeline topology and runs it on Kafka with the runtime's <see cref="StreamsApplication"/>.</summary>
public sealed class ProcessorHost(ProcessorRunSettings settings, ILoggerFactory loggerFactory)
{
    public RunSummary Summary { get; } = new();

    public StreamsMetrics? Metrics { get; private set; }

    /// <summary>Wall time from the first processed record to the end of the run (null if nothing was processed).</summary>
    public TimeSpan? ProcessingTime { get; private set; }

    public Runtime.Topology BuildTopology()
    {
        var registry = SchemaRegistryFactory.Create(settings.SchemaRegistry, loggerFactory);
        var matcher = MarkedWordMatcher.FromFile(ResolveDataFile(settings.Options.MarkedWordsFile));
        return PipelineTopology.Build(settings.Options, new AvroSerdes(registry), matcher, settings.Topics, Summary);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var config = new StreamsConfig
        {
            ApplicationId = settings.ApplicationId,
            BootstrapServers = settings.Kafka.BootstrapServers!,
            ProcessingGuarantee = settings.Guarantee,
            NumStreamThreads = settings.Threads,
            AllowedLateness = settings.Options.AllowedLateness,
            BoundedMode = settings.UntilEnd,
            BrokerLacksTransactionalIsolation = settings.BrokerLacksTransactionalIsolation,
            CommitInterval = settings.CommitInterval,
            InitialOffsets = settings.StartOffsets,
            EndOffsets = settings.EndOffsets,
            OAuthBearerTokenRefreshHandler = KafkaClientConfigFactory.OAuthBearerRefreshHandler(settings.Kafka, loggerFactory.CreateLogger("Streaming.Kafka.MskIam")),
        };
        // Security and any other client settings (MSK: TLS, SASL) pass through unchanged.
        foreach (var (key, value) in KafkaClientConfigFactory.CreateConsumerConfig(settings.Kafka, settings.ApplicationId))
        {
            if (key is not ("bootstrap.servers" or "group.id" or "enable.auto.commit" or "auto.offset.reset" or "isolation.level" or "client.id"))
            {
                config.ClientProperties[key] = value;
            }
        }
        var app = new StreamsApplication(BuildTopology(), config, loggerFactory);
        Metrics = app.Metrics;
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        var firstRecordAt = app.Metrics.Snapshot().Get(StreamsMetrics.FirstRecordAtMs);
        ProcessingTime = firstRecordAt > 0 ? TimeSpan.FromMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - firstRecordAt) : null;
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
