using Confluent.Kafka;
using Streaming.TestSupport;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>Reads whole topics from the dev broker, with a time bound.</summary>
internal static class TopicReader
{
    public sealed record Entry(int Partition, long Offset, long Timestamp, byte[]? Key, byte[]? Value);

    public static List<Entry> ReadAll(string topic, TimeSpan bound)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = DevStack.KafkaBootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            IsolationLevel = IsolationLevel.ReadCommitted,
        }).Build();
        var metadata = AdminMetadata(topic);
        var ends = new Dictionary<int, long>();
        var assignments = new List<TopicPartitionOffset>();
        foreach (var partition in metadata)
        {
            var tp = new TopicPartition(topic, partition);
            var watermarks = consumer.QueryWatermarkOffsets(tp, bound);
            if (watermarks.High.Value > watermarks.Low.Value)
            {
                ends[partition] = watermarks.High.Value;
                assignments.Add(new TopicPartitionOffset(tp, watermarks.Low));
            }
        }
        var entries = new List<Entry>();
        consumer.Assign(assignments);
        var deadline = DateTime.UtcNow + bound;
        while (ends.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Kafka (dev mock cluster): reading {topic} did not reach its end within {bound.TotalSeconds:F0}s.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            var p = result.Partition.Value;
            entries.Add(new Entry(p, result.Offset.Value, result.Message.Timestamp.UnixTimestampMs, result.Message.Key, result.Message.Value));
            if (ends.TryGetValue(p, out var end) && result.Offset.Value + 1 >= end)
            {
                ends.Remove(p);
            }
        }
        return entries;
    }

    public static IReadOnlyList<int> AdminMetadata(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = DevStack.KafkaBootstrap }).Build();
        var meta = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single();
        return meta.Partitions.Select(p => p.PartitionId).Order().ToList();
    }
}
