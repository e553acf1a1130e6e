using Confluent.Kafka;
using Streaming.Contracts.Configuration;

namespace Streaming.Processor.Hosting;

/// <summary>
/// Resolves a backfill's range to offsets per input partition: a start (explicit offsets, a timestamp, or earliest)
/// and an exclusive end (explicit offsets, a timestamp, or the end offsets now).
/// </summary>
public static class BackfillRange
{
    public static (Dictionary<(string, int), long> Start, Dictionary<(string, int), long> End) Resolve(
        KafkaSettings kafka,
        IReadOnlyList<string> inputTopics,
        Dictionary<(string, int), long>? fromOffsets,
        long? fromTimestamp,
        Dictionary<(string, int), long>? toOffsets,
        long? toTimestamp)
    {
        var config = KafkaClientConfigFactory.CreateConsumerConfig(kafka, "streaming-backfill-locator-" + Guid.NewGuid().ToString("N"));
        config.EnablePartitionEof = true;
        var timeout = TimeSpan.FromSeconds(30);
        var tokenRefresh = KafkaClientConfigFactory.OAuthBearerRefreshHandler(kafka);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).WithTokenRefresh(tokenRefresh).Build();
        var locator = new TimestampOffsetLocator(consumer, timeout);
        using var admin = new AdminClientBuilder(KafkaClientConfigFactory.CreateAdminClientConfig(kafka)).WithTokenRefresh(tokenRefresh).Build();

        var start = new Dictionary<(string, int), long>();
        var end = new Dictionary<(string, int), long>();
        foreach (var topic in inputTopics)
        {
            var metadata = admin.GetMetadata(topic, timeout).Topics.SingleOrDefault(t => t.Topic == topic);
            if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
            {
                throw new ConfigurationException("input", $"The input topic '{topic}' does not exist on the broker; check --topic-prefix and the bootstrap servers.");
            }
            foreach (var partition in metadata.Partitions.Select(p => p.PartitionId).Order())
            {
                var tp = new TopicPartition(topic, partition);
                var (low, high) = locator.Watermarks(tp);
                var key = (topic, partition);
                var from = fromOffsets?.GetValueOrDefault(key, low) ?? (fromTimestamp is { } f ? locator.Locate(tp, f) : low);
                var to = toOffsets?.GetValueOrDefault(key, high) ?? (toTimestamp is { } t ? locator.Locate(tp, t) : high);
                start[key] = Math.Clamp(from, low, high);
                end[key] = Math.Clamp(to, start[key], high);
            }
        }
        return (start, end);
    }
}
