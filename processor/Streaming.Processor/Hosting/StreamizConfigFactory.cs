using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net;
using Streaming.Contracts.Configuration;
using Streaming.Processor.Streams;

namespace Streaming.Processor.Hosting;

/// <summary>Streamiz's <see cref="StreamConfig"/> for one run, from the processor's settings.</summary>
public static class StreamizConfigFactory
{
    /// <summary>Commit interval when none is configured: Kafka Streams' defaults are 100 ms under exactly_once and 30 s otherwise; 1 s keeps at_least_once's replay after a crash short.</summary>
    public static TimeSpan DefaultCommitInterval(ProcessingGuarantee guarantee) =>
        guarantee == ProcessingGuarantee.EXACTLY_ONCE ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1);

    public static StreamConfig Create(ProcessorRunSettings settings, ILoggerFactory loggerFactory)
    {
        // Our factory validates and types the security settings; Streamiz copies each typed property to all its clients.
        var client = KafkaClientConfigFactory.CreateAdminClientConfig(settings.Kafka);
        var config = new StreamConfig
        {
            ApplicationId = settings.ApplicationId,
            BootstrapServers = client.BootstrapServers,
            SecurityProtocol = client.SecurityProtocol,
            SaslMechanism = client.SaslMechanism,
            SaslUsername = client.SaslUsername,
            SaslPassword = client.SaslPassword,
            SslCaLocation = client.SslCaLocation,
            Guarantee = settings.Guarantee,
            NumStreamThreads = settings.Threads,
            CommitIntervalMs = (long)(settings.CommitInterval ?? DefaultCommitInterval(settings.Guarantee)).TotalMilliseconds,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Java clients' murmur2, so outputs land where Kafka Streams would put them (DESIGN §4).
            Partitioner = Partitioner.Murmur2Random,
            Logger = loggerFactory,
        };
        foreach (var (key, value) in settings.Kafka.Properties)
        {
            // Raw librdkafka properties reach every client Streamiz builds for processing.
            config.AddConfig("main.consumer." + key, value);
            config.AddConfig("restore.consumer." + key, value);
            config.AddConfig("producer." + key, value);
        }
        PipelineExceptionHandlers.Apply(config);
        return config;
    }
}
