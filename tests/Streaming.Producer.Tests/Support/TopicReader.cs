using Confluent.Kafka;
using Streaming.TestSupport;

namespace Streaming.Producer.Tests.Support;

/// <summary>Reads whole topics from the dev Kafka with a plain Confluent consumer (bytes in, bytes out).</summary>
internal static class TopicReader
{
    public static int PartitionCount(string topic, TimeSpan bound)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = DevStack.KafkaBootstrap }).Build();
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var metadata = admin.GetMetadata(topic, bound);
            var partitions = metadata.Topics.SingleOrDefault(t => t.Topic == topic)?.Partitions.Count ?? 0;
            if (partitions > 0)
            {
                return partitions;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"topic '{topic}' has no partitions in the dev Kafka's metadata after {bound.TotalSeconds:0} s.");
            }
            Thread.Sleep(200);
        }
    }

    /// <summary>Consumes exactly <paramref name="count"/> records from every partition of a topic, then checks nothing follows.</summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadExactly(string topic, int count, TimeSpan bound)
    {
        var partitions = PartitionCount(topic, bound);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = DevStack.KafkaBootstrap,
            GroupId = "producer-tests-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[], byte[]>>(count);
        var deadline = DateTime.UtcNow + bound;
        while (results.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"topic '{topic}' delivered {results.Count} of {count} records within {bound.TotalSeconds:0} s.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && !result.IsPartitionEOF)
            {
                results.Add(result);
            }
        }
        var extra = consumer.Consume(TimeSpan.FromSeconds(1));
        if (extra is not null && !extra.IsPartitionEOF)
        {
            throw new InvalidOperationException($"topic '{topic}' holds more than the {count} records expected.");
        }
        return results;
    }
}
