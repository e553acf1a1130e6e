using Confluent.Kafka;
using Streaming.Contracts.Configuration;
using Streaming.Processor.Streams;

namespace Streaming.Processor.Hosting;

/// <summary>
/// What a run reads, from the broker: the partitions of each input topic and, for a bounded run, where each starts
/// and ends (DESIGN §5, Bounded runs).
/// </summary>
public sealed class InputPartitions(KafkaSettings kafka, string applicationId)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>Partition count of each topic.</summary>
    /// <exception cref="ConfigurationException">A topic does not exist.</exception>
    public IReadOnlyDictionary<string, int> Count(IEnumerable<string> topics)
    {
        using var admin = new AdminClientBuilder(KafkaClientConfigFactory.CreateAdminClientConfig(kafka))
            .WithTokenRefresh(KafkaClientConfigFactory.OAuthBearerRefreshHandler(kafka)).Build();
        return topics.ToDictionary(t => t, t =>
        {
            var metadata = admin.GetMetadata(t, s_timeout).Topics.SingleOrDefault(m => m.Topic == t);
            return metadata is { Error.IsError: false, Partitions.Count: > 0 }
                ? metadata.Partitions.Count
                : throw new ConfigurationException("input",
                    $"The input topic '{t}' does not exist on the broker; create it, or check --topic-prefix and the bootstrap servers.");
        });
    }

    /// <summary>
    /// Sets each input partition's bounds: the end is <paramref name="endOffsets"/>' or the end now; the start is the
    /// application's committed position, else <paramref name="startOffsets"/>' (committed now, so Streamiz starts
    /// there), else the earliest offset.
    /// </summary>
    public void Bound(
        InputBounds bounds,
        IReadOnlyDictionary<string, int> partitions,
        IReadOnlyDictionary<(string Topic, int Partition), long>? startOffsets,
        IReadOnlyDictionary<(string Topic, int Partition), long>? endOffsets)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientConfigFactory.CreateConsumerConfig(kafka, applicationId))
            .WithTokenRefresh(KafkaClientConfigFactory.OAuthBearerRefreshHandler(kafka)).Build();
        var all = partitions.SelectMany(p => Enumerable.Range(0, p.Value).Select(i => new TopicPartition(p.Key, i))).ToList();
        var committed = consumer.Committed(all, s_timeout).ToDictionary(c => c.TopicPartition, c => c.Offset.Value);
        var toCommit = new List<TopicPartitionOffset>();
        foreach (var tp in all)
        {
            var key = (tp.Topic, tp.Partition.Value);
            var watermarks = consumer.QueryWatermarkOffsets(tp, s_timeout);
            var end = endOffsets?.GetValueOrDefault(key, watermarks.High.Value) ?? watermarks.High.Value;
            long start;
            if (committed[tp] >= 0)
            {
                start = committed[tp];
            }
            else if (startOffsets?.TryGetValue(key, out var from) == true)
            {
                start = from;
                toCommit.Add(new TopicPartitionOffset(tp, from));
            }
            else
            {
                start = watermarks.Low.Value;
            }
            bounds.Set(tp.Topic, tp.Partition.Value, start, end);
        }
        if (toCommit.Count > 0)
        {
            consumer.Commit(toCommit);
        }
    }
}
