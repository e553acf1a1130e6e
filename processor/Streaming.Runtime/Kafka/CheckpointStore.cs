using System.Text;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// The internal topic <c>{appId}-checkpoints</c>: one record per task per commit, key = task id, written in the
/// commit's transaction. Reading a task's history gives its latest positions and clocks, and the offset ranges its
/// committed transactions wrote.
/// </summary>
internal sealed class CheckpointStore(string topic, int partitions)
{
    public string Topic { get; } = topic;

    public int PartitionOf(TaskId task) => Murmur2Partitioner.Partition(Key(task), partitions);

    public static byte[] Key(TaskId task) => Encoding.UTF8.GetBytes(task.ToString());

    public Dictionary<TaskId, TaskHistory> Read(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyCollection<TaskId> tasks)
    {
        var result = tasks.ToDictionary(t => t, _ => new TaskHistory());
        if (tasks.Count == 0)
        {
            return result;
        }
        var wanted = tasks.ToDictionary(t => t.ToString(), t => t, StringComparer.Ordinal);
        var starts = tasks.Select(PartitionOf).Distinct().Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)).ToList();
        foreach (var task in tasks)
        {
            result[task].Truncated = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, PartitionOf(task)), TimeSpan.FromSeconds(10)).Low.Value > 0;
        }
        PartitionReader.ReadToEnd(consumer, starts, record =>
        {
            if (record.Message.Key is null || record.Message.Value is null)
            {
                return;
            }
            if (!wanted.TryGetValue(Encoding.UTF8.GetString(record.Message.Key), out var task))
            {
                return;
            }
            var checkpoint = TaskCheckpoint.Deserialize(record.Message.Value);
            var history = result[task];
            history.Latest = checkpoint;
            history.Produced.AddRange(checkpoint.Produced);
            history.Count++;
        }, TimeSpan.FromMinutes(2));
        return result;
    }
}

/// <summary>What the checkpoint topic says about one task.</summary>
internal sealed class TaskHistory
{
    public TaskCheckpoint? Latest { get; set; }

    public List<ProducedRange> Produced { get; } = [];

    public int Count { get; set; }

    /// <summary>The checkpoint partition lost its oldest records to retention.</summary>
    public bool Truncated { get; set; }

    /// <summary>
    /// For brokers without transactional isolation: whether a record at <paramref name="offset"/> was written by a
    /// committed transaction of this task. Offsets older than every retained range are assumed committed (the
    /// checkpoint history before them was lost to retention).
    /// </summary>
    public bool IsCommitted(string topic, int partition, long offset)
    {
        var any = false;
        var minFirst = long.MaxValue;
        foreach (var range in Produced)
        {
            if (range.Partition != partition || range.Topic != topic)
            {
                continue;
            }
            if (range.Contains(offset))
            {
                return true;
            }
            any = true;
            minFirst = Math.Min(minFirst, range.First);
        }
        return Truncated && any && offset < minFirst;
    }
}
