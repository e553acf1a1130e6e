using Confluent.Kafka;

namespace Streaming.Runtime.Tests.Support;

/// <summary>
/// Reads an output topic as read_committed does on real Kafka. The dev mock broker has no transactional isolation:
/// records a killed transaction had already flushed stay visible. Each committed transaction lists the offsets it
/// wrote in its checkpoint records (<c>{appId}-checkpoints</c>), so records outside those ranges are dropped here;
/// <see cref="Uncommitted"/> counts them.
/// </summary>
public sealed class CommittedOutput
{
    public required List<ConsumeResult<string, long>> Records { get; init; }

    public required int Uncommitted { get; init; }

    public static CommittedOutput Read(string appId, string topic)
    {
        var ranges = KafkaTestData.ReadAll($"{appId}-checkpoints", Deserializers.Utf8, Deserializers.ByteArray)
            .SelectMany(r => TaskCheckpoint.Deserialize(r.Message.Value).Produced)
            .Where(r => r.Topic == topic)
            .ToList();
        var all = KafkaTestData.ReadAll(topic, Deserializers.Utf8, Deserializers.Int64);
        var committed = all.Where(r => ranges.Any(range => range.Partition == r.Partition.Value && range.Contains(r.Offset.Value))).ToList();
        return new CommittedOutput { Records = committed, Uncommitted = all.Count - committed.Count };
    }

    /// <summary>Counts per key in output order (a key always lands in one partition).</summary>
    public Dictionary<string, List<long>> ByKey() =>
        Records.GroupBy(r => r.Message.Key).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Offset.Value).Select(r => r.Message.Value).ToList());
}
