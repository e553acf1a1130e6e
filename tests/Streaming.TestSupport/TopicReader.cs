using Confluent.Kafka;

namespace Streaming.TestSupport;

/// <summary>
/// Reads topics back from the dev broker with a plain Confluent consumer (read_committed, all partitions assigned,
/// no group offsets): the high watermarks are queried first and every partition is consumed up to them, within a
/// time bound.
/// </summary>
/// <param name="bootstrap">The broker's bootstrap servers, normally <see cref="DevStack.KafkaBootstrap"/>.</param>
public sealed class TopicReader(string bootstrap)
{
    /// <summary>The partition count of a topic from the broker's metadata (the topic must exist).</summary>
    public int PartitionCount(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.SingleOrDefault(t => t.Topic == topic);
        if (metadata is null || metadata.Error.Code != ErrorCode.NoError || metadata.Partitions.Count == 0)
        {
            throw new InvalidOperationException($"topic {topic} has no metadata on the dev broker ({metadata?.Error.Reason ?? "absent"}).");
        }
        return metadata.Partitions.Count;
    }

    /// <summary>The high watermark of each partition, by partition number.</summary>
    public List<long> HighWatermarks(string topic)
    {
        var partitions = PartitionCount(topic);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "topic-reader-" + Guid.NewGuid().ToString("N") }).Build();
        return Enumerable.Range(0, partitions)
            .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value)
            .ToList();
    }

    /// <summary>Every record of <paramref name="topic"/> up to the high watermarks taken at the start, in partition then offset order.</summary>
    /// <exception cref="TimeoutException">The high watermarks were not reached within <paramref name="bound"/>.</exception>
    public List<TopicRecord> ReadAll(string topic, TimeSpan bound)
    {
        var partitions = PartitionCount(topic);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "topic-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            IsolationLevel = IsolationLevel.ReadCommitted,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        var highs = new Dictionary<int, long>();
        var assignment = new List<TopicPartitionOffset>();
        for (var p = 0; p < partitions; p++)
        {
            var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            if (watermarks.High > watermarks.Low)
            {
                highs[p] = watermarks.High.Value;
                assignment.Add(new TopicPartitionOffset(topic, p, watermarks.Low));
            }
        }
        var records = new List<TopicRecord>();
        if (assignment.Count == 0)
        {
            return records;
        }
        consumer.Assign(assignment);
        var deadline = DateTime.UtcNow + bound;
        while (highs.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"reading {topic} did not reach the high watermarks within {bound.TotalSeconds:F0} s; partitions left: {string.Join(", ", highs.Select(h => $"{h.Key}→{h.Value}"))}.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            var partition = result.Partition.Value;
            if (!result.IsPartitionEOF)
            {
                records.Add(new TopicRecord(partition, result.Offset.Value, result.Message.Timestamp.UnixTimestampMs, result.Message.Key, result.Message.Value));
            }
            // The last offset may be a transaction marker, which read_committed never delivers: EOF at the high
            // watermark ends the partition too.
            var reached = result.IsPartitionEOF ? result.Offset.Value : result.Offset.Value + 1;
            if (highs.TryGetValue(partition, out var high) && reached >= high)
            {
                highs.Remove(partition);
            }
        }
        return records.OrderBy(r => r.Partition).ThenBy(r => r.Offset).ToList();
    }
}
