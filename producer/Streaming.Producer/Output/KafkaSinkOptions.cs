using Streaming.Contracts.Configuration;
using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>Settings of <see cref="KafkaRecordSink"/>.</summary>
/// <param name="Kafka">Connection settings (bootstrap, security, extra librdkafka properties).</param>
/// <param name="SchemaRegistry">Schema Registry settings (the URL defaults to SCHEMA_REGISTRY_URL).</param>
/// <param name="Topics">The topic of each stream.</param>
/// <param name="ConnectTimeout">How long to wait for a broker to answer before giving up.</param>
/// <param name="FlushTimeout">How long the final flush may take before undelivered records count as failures.</param>
internal sealed record KafkaSinkOptions(
    KafkaSettings Kafka,
    SchemaRegistrySettings SchemaRegistry,
    IReadOnlyDictionary<EventStream, string> Topics,
    TimeSpan ConnectTimeout,
    TimeSpan FlushTimeout);
