using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Reads assigned partitions from given offsets up to their end offsets captured first. Under read_committed the last
/// offsets may be transaction markers that are never delivered, so a partition also counts as read when the
/// partition-EOF event reports a position at or past its end.
/// </summary>
internal static class PartitionReader
{
    public static long ReadToEnd(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyList<TopicPartitionOffset> starts, Action<ConsumeResult<byte[]?, byte[]?>> onRecord, TimeSpan timeout)
    {
        var remaining = new Dictionary<TopicPartition, long>();
        var assign = new List<TopicPartitionOffset>();
        foreach (var start in starts)
        {
            var watermarks = consumer.QueryWatermarkOffsets(start.TopicPartition, TimeSpan.FromSeconds(10));
            var from = start.Offset.Value < 0 ? watermarks.Low.Value : Math.Max(start.Offset.Value, watermarks.Low.Value);
            if (watermarks.High.Value > from)
            {
                remaining[start.TopicPartition] = watermarks.High.Value;
                assign.Add(new TopicPartitionOffset(start.TopicPartition, from));
            }
        }
        if (assign.Count == 0)
        {
            return 0;
        }
        long count = 0;
        consumer.Assign(assign);
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (remaining.Count > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new ProcessorStateException($"reading [{string.Join(", ", remaining.Select(r => $"{r.Key} to {r.Value}"))}] did not finish within {timeout.TotalSeconds:F0} s.");
                }
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result is null)
                {
                    continue;
                }
                if (!remaining.TryGetValue(result.TopicPartition, out var end))
                {
                    continue;
                }
                if (result.IsPartitionEOF)
                {
                    if (result.Offset.Value >= end)
                    {
                        remaining.Remove(result.TopicPartition);
                    }
                    continue;
                }
                if (result.Offset.Value >= end)
                {
                    remaining.Remove(result.TopicPartition);
                    continue;
                }
                onRecord(result);
                count++;
                if (result.Offset.Value >= end - 1)
                {
                    remaining.Remove(result.TopicPartition);
                }
            }
        }
        finally
        {
            consumer.Unassign();
        }
        return count;
    }
}
