using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// Owns a task's stores: changelog topics and partition, flushing dirty entries into the collector, applying restored
/// records, and watermark-driven expiry. The changelog is the source of truth for store contents.
/// </summary>
internal sealed class ProcessorStateManager
{
    private readonly Dictionary<string, IManagedStore> _stores;
    private readonly Dictionary<string, IManagedStore> _byChangelog;
    private readonly string _applicationId;

    public ProcessorStateManager(TaskId taskId, string applicationId, IReadOnlyList<IManagedStore> stores)
    {
        TaskId = taskId;
        _applicationId = applicationId;
        _stores = stores.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _byChangelog = stores.Where(s => s.LoggingEnabled).ToDictionary(s => ChangelogTopic(s.Name), StringComparer.Ordinal);
    }

    public TaskId TaskId { get; }

    public IReadOnlyCollection<IManagedStore> Stores => _stores.Values;

    /// <summary>Changelog topics of logged stores; each task uses partition = its task partition.</summary>
    public IReadOnlyCollection<string> ChangelogTopics => _byChangelog.Keys;

    public int ChangelogPartition => TaskId.Partition;

    public string ChangelogTopic(string storeName) => Topology.ChangelogTopic(_applicationId, storeName);

    public IManagedStore Store(string name) =>
        _stores.TryGetValue(name, out var store) ? store : throw new StreamsException($"task {TaskId} has no state store '{name}'.");

    public IManagedStore StoreOfChangelog(string topic) =>
        _byChangelog.TryGetValue(topic, out var store) ? store : throw new ProcessorStateException($"task {TaskId}: '{topic}' is not a changelog of this task.");

    /// <summary>Sends every dirty entry of every logged store to its changelog partition.</summary>
    public void FlushChangelogs(IRecordCollector collector, long timestamp)
    {
        foreach (var (topic, store) in _byChangelog)
        {
            store.FlushChangelog((key, value) => collector.Send(topic, ChangelogPartition, key, value, null, timestamp));
        }
    }

    public void Restore(string changelogTopic, byte[]? key, byte[]? value)
    {
        var store = StoreOfChangelog(changelogTopic);
        if (key is null)
        {
            throw new ProcessorStateException($"task {TaskId}: changelog {changelogTopic} holds a record with a null key.");
        }
        try
        {
            store.Restore(key, value);
        }
        catch (Exception ex) when (ex is not StreamsException)
        {
            throw new ProcessorStateException($"task {TaskId}: restoring store '{store.Name}' from {changelogTopic} failed: {ex.Message}", ex);
        }
    }

    public void OnWatermark(long watermark)
    {
        foreach (var store in _stores.Values)
        {
            store.OnWatermark(watermark);
        }
    }

    public void Clear()
    {
        foreach (var store in _stores.Values)
        {
            store.Clear();
        }
    }

    public void ReportEntries(StreamsMetrics metrics)
    {
        foreach (var store in _stores.Values)
        {
            metrics.Set(StreamsMetrics.StoreEntries, $"{TaskId}/{store.Name}", store.ApproximateNumEntries);
        }
    }

    public void Log(ILogger logger, string message) => logger.LogInformation("task [{TaskId}] {Message}", TaskId, message);
}
