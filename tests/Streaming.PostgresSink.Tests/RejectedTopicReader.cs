using Confluent.Kafka;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>Reads <c>sink.rejected</c> (shared by every test and sink) between two offset snapshots.</summary>
internal static class RejectedTopicReader
{
    public static Dictionary<(string, int), long> Snapshot() => TopicWriter.EndOffsets([Topics.SinkRejected]);

    /// <summary>The rejected records published after <paramref name="from"/> whose source topic is <paramref name="sourceTopic"/>.</summary>
    public static List<(byte[]? Key, Rejected Value)> ReadSince(Dictionary<(string, int), long> from, string sourceTopic)
    {
        var to = Snapshot();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = DevStack.KafkaBootstrap,
            GroupId = "rejected-reader",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(to.Where(kv => kv.Value > from.GetValueOrDefault(kv.Key)).Select(kv =>
            new TopicPartitionOffset(kv.Key.Item1, kv.Key.Item2, from.GetValueOrDefault(kv.Key))));
        var remaining = to.Where(kv => kv.Value > from.GetValueOrDefault(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var found = new List<(byte[]?, Rejected)>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (remaining.Count > 0 && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            var key = (result.Topic, result.Partition.Value);
            if (result.Offset.Value + 1 >= remaining.GetValueOrDefault(key, long.MaxValue))
            {
                remaining.Remove(key);
            }
            var rejected = DevRegistry.Serdes.Rejected.Deserialize(result.Message.Value);
            if (rejected.SourceTopic == sourceTopic)
            {
                found.Add((result.Message.Key, rejected));
            }
        }
        if (remaining.Count > 0)
        {
            throw new TimeoutException($"sink.rejected was not read to its end within 30 s; missing {string.Join(", ", remaining.Keys)}.");
        }
        return found;
    }

}
