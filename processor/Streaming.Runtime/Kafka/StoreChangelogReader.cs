using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// Restores the stores of newly assigned tasks from their changelog partitions, from the log start up to the end
/// offset captured when restoration starts. Changelog states per partition: Registered → Restoring → Completed.
/// </summary>
internal sealed class StoreChangelogReader(IConsumer<byte[]?, byte[]?> restoreConsumer, StreamsConfig config, StreamsMetrics metrics, ILogger logger)
{
    public void Restore(StreamTask task, TaskHistory history)
    {
        var stateManager = task.StateManager;
        if (stateManager.ChangelogTopics.Count == 0)
        {
            return;
        }
        var watch = Stopwatch.StartNew();
        var perTopic = new Dictionary<string, long>(StringComparer.Ordinal);
        long skipped = 0;
        var starts = stateManager.ChangelogTopics.Select(t => new TopicPartitionOffset(t, stateManager.ChangelogPartition, Offset.Beginning)).ToList();
        logger.LogInformation("task [{TaskId}] changelogs [{Topics}] Registered → Restoring", task.Id, string.Join(", ", starts.Select(s => s.TopicPartition)));
        PartitionReader.ReadToEnd(restoreConsumer, starts, record =>
        {
            // Without transactional isolation (dev mock) a killed transaction's writes stay visible; only records
            // that a committed checkpoint vouches for are state.
            if (config.BrokerLacksTransactionalIsolation && !history.IsCommitted(record.Topic, record.Partition.Value, record.Offset.Value))
            {
                skipped++;
                return;
            }
            stateManager.Restore(record.Topic, record.Message.Key, record.Message.Value);
            perTopic[record.Topic] = perTopic.GetValueOrDefault(record.Topic) + 1;
        }, TimeSpan.FromMinutes(5));
        var total = perTopic.Values.Sum();
        foreach (var store in stateManager.Stores.Where(s => s.LoggingEnabled))
        {
            var restored = perTopic.GetValueOrDefault(stateManager.ChangelogTopic(store.Name));
            metrics.Get(StreamsMetrics.RestoredRecords, $"{task.Id}/{store.Name}").Add(restored);
            metrics.Set(StreamsMetrics.StoreEntries, $"{task.Id}/{store.Name}", store.ApproximateNumEntries);
        }
        metrics.Set(StreamsMetrics.RestoreTimeMs, task.Id.ToString(), watch.ElapsedMilliseconds);
        logger.LogInformation("task [{TaskId}] changelogs Restoring → Completed: restored {Records} records ({Skipped} uncommitted skipped) in {Ms} ms; store entries [{Entries}]",
            task.Id, total, skipped, watch.ElapsedMilliseconds, string.Join(", ", stateManager.Stores.Select(s => $"{s.Name}={s.ApproximateNumEntries}")));
    }
}
