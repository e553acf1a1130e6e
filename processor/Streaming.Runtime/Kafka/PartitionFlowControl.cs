using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Pauses fetching for an input partition whose task buffer holds more than
/// <see cref="StreamsConfig.BufferedRecordsPerPartition"/> records, and resumes it once half of that is processed
/// (Kafka Streams' buffered.records.per.partition). Pausing also drops what librdkafka had prefetched for the
/// partition, so a busy input cannot fill the consumer's single queue ahead of a repartition topic's records.
/// </summary>
internal sealed class PartitionFlowControl(int maxBuffered)
{
    private readonly HashSet<(string Topic, int Partition)> _paused = [];

    public void Update(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<StreamTask> tasks)
    {
        List<TopicPartition>? pause = null;
        List<TopicPartition>? resume = null;
        foreach (var task in tasks)
        {
            foreach (var queue in task.Queues)
            {
                var key = (queue.Topic, queue.Partition);
                var paused = _paused.Contains(key);
                if (!paused && queue.Count > maxBuffered)
                {
                    (pause ??= []).Add(new TopicPartition(queue.Topic, queue.Partition));
                    _paused.Add(key);
                }
                else if (paused && queue.Count <= maxBuffered / 2)
                {
                    (resume ??= []).Add(new TopicPartition(queue.Topic, queue.Partition));
                    _paused.Remove(key);
                }
            }
        }
        if (pause is not null)
        {
            consumer.Pause(pause);
        }
        if (resume is not null)
        {
            consumer.Resume(resume);
        }
    }

    /// <summary>Partitions assigned or revoked start over unpaused.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _paused.Remove((partition.Topic, partition.Partition.Value));
        }
    }

    public void Clear() => _paused.Clear();
}
