using Confluent.Kafka;

namespace Streaming.Bench.Processor;

/// <summary>Low and high watermarks of every partition of some topics, read from the broker.</summary>
internal sealed record TopicWatermarks(IReadOnlyDictionary<TopicPartition, WatermarkOffsets> Partitions)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>Records between the low and high watermarks (the producer is not transactional, so every offset is a record).</summary>
    public long Records => Partitions.Values.Sum(w => w.High.Value - w.Low.Value);

    /// <summary>Partitions whose low watermark is above 0: the mock trimmed them (it keeps about 5 MB per partition).</summary>
    public IEnumerable<(TopicPartition Partition, long Low)> Trimmed =>
        Partitions.Where(p => p.Value.Low.Value > 0).Select(p => (p.Key, p.Value.Low.Value)).OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition.Value);

    public static TopicWatermarks Read(string bootstrap, IEnumerable<string> topics)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "bench-watermarks" }).Build();
        var result = new Dictionary<TopicPartition, WatermarkOffsets>();
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, s_timeout).Topics.Single();
            if (metadata.Error.Code != ErrorCode.NoError || metadata.Partitions.Count == 0)
            {
                throw new InvalidOperationException($"topic '{topic}' is not on the broker: {metadata.Error.Reason}");
            }
            foreach (var partition in metadata.Partitions)
            {
                var tp = new TopicPartition(topic, partition.PartitionId);
                result[tp] = consumer.QueryWatermarkOffsets(tp, s_timeout);
            }
        }
        return new TopicWatermarks(result);
    }
}
