using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Client configurations derived from <see cref="StreamsConfig"/>; extra properties are applied last.</summary>
internal static class ClientConfigs
{
    public static ConsumerConfig MainConsumer(StreamsConfig config, string clientId)
    {
        var consumer = new ConsumerConfig(Base(config, clientId))
        {
            GroupId = config.ApplicationId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = true,
            PartitionAssignmentStrategy = ParseStrategy(config.PartitionAssignmentStrategy),
            IsolationLevel = config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnce ? IsolationLevel.ReadCommitted : IsolationLevel.ReadUncommitted,
        };
        foreach (var (key, value) in config.ConsumerProperties)
        {
            consumer.Set(key, value);
        }
        return consumer;
    }

    public static ConsumerConfig RestoreConsumer(StreamsConfig config, string clientId) => new(Base(config, clientId))
    {
        GroupId = config.ApplicationId + "-restore",
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnablePartitionEof = true,
        IsolationLevel = IsolationLevel.ReadCommitted,
    };

    public static ProducerConfig Producer(StreamsConfig config, string clientId, string? transactionalId) => new(Base(config, clientId))
    {
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = config.LingerMs,
        TransactionalId = transactionalId,
        Partitioner = Partitioner.Murmur2Random,
        QueueBufferingMaxMessages = 1_000_000,
        BatchNumMessages = 10_000,
        // Delivery reports only need topic, partition, offset and error; copying key and value back costs throughput.
        DeliveryReportFields = "none",
        // Without delivery tracking no send has a handler; switching reports off spares librdkafka an event and
        // Confluent.Kafka's poll thread a marshalled struct per record.
        EnableDeliveryReports = config.TracksDeliveries,
    };

    public static AdminClientConfig Admin(StreamsConfig config, string clientId, bool allowAutoCreate)
    {
        var values = Base(config, clientId);
        values["allow.auto.create.topics"] = allowAutoCreate ? "true" : "false";
        return new AdminClientConfig(values);
    }

    private static Dictionary<string, string> Base(StreamsConfig config, string clientId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = config.BootstrapServers,
            ["client.id"] = clientId,
        };
        foreach (var (key, value) in config.ClientProperties)
        {
            values[key] = value;
        }
        return values;
    }

    private static PartitionAssignmentStrategy ParseStrategy(string text) => text.Trim().ToLowerInvariant() switch
    {
        "range" => Confluent.Kafka.PartitionAssignmentStrategy.Range,
        "roundrobin" => Confluent.Kafka.PartitionAssignmentStrategy.RoundRobin,
        "cooperative-sticky" => Confluent.Kafka.PartitionAssignmentStrategy.CooperativeSticky,
        _ => throw new ArgumentException($"StreamsConfig.PartitionAssignmentStrategy '{text}' is not one of range, roundrobin, cooperative-sticky."),
    };
}
