using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// Owns one thread's tasks and its transaction: creates tasks from the group assignment, restores them, commits
/// (outputs, changelogs, checkpoints and offsets in one transaction), and closes them on revocation or migration.
/// </summary>
internal sealed class TaskManager
{
    private readonly StreamsConfig _config;
    private readonly AppLayout _layout;
    private readonly TaskConfig _taskConfig;
    private readonly TopicMetadataCache _metadata;
    private readonly CheckpointStore _checkpoints;
    private readonly StoreChangelogReader _changelogReader;
    private readonly IConsumer<byte[]?, byte[]?> _restoreConsumer;
    private readonly StreamsMetrics _metrics;
    private readonly ILogger _log;
    private readonly ILogger _taskLog;
    private readonly string _prefix;
    private readonly Dictionary<TaskId, StreamTask> _tasks = new();
    private readonly Dictionary<TaskId, RecordCollector> _collectors = new();
    private readonly Dictionary<TaskId, TaskHistory> _pendingRestore = new();
    private readonly Dictionary<(string, int), StreamTask> _byPartition = new();
    private readonly Dictionary<TaskId, StreamTask> _suspended = new();
    private readonly Func<StreamsProducer> _createProducer;

    public TaskManager(StreamsConfig config, AppLayout layout, TopicMetadataCache metadata, CheckpointStore checkpoints, IConsumer<byte[]?, byte[]?> restoreConsumer,
        Func<StreamsProducer> createProducer, StreamsMetrics metrics, ILoggerFactory loggers, string threadName)
    {
        _config = config;
        _layout = layout;
        _metadata = metadata;
        _checkpoints = checkpoints;
        _restoreConsumer = restoreConsumer;
        _createProducer = createProducer;
        _metrics = metrics;
        _log = loggers.CreateLogger("Streaming.Runtime.TaskManager");
        _taskLog = loggers.CreateLogger("Streaming.Runtime.StreamTask");
        _prefix = $"stream-thread [{threadName}] ";
        _taskConfig = new TaskConfig(config.ApplicationId, (long)config.AllowedLateness.TotalMilliseconds, (long)config.MaxTaskIdle.TotalMilliseconds, config.DeserializationExceptionHandler);
        _changelogReader = new StoreChangelogReader(restoreConsumer, config, metrics, loggers.CreateLogger("Streaming.Runtime.StoreChangelogReader"));
        Producer = createProducer();
    }

    public StreamsProducer Producer { get; private set; }

    public IConsumer<byte[]?, byte[]?>? Consumer { get; set; }

    public IReadOnlyCollection<StreamTask> Tasks => _tasks.Values;

    public bool HasTasks => _tasks.Count > 0;

    public bool AllTasksEnded => _tasks.Count > 0 && _pendingRestore.Count == 0 && _tasks.Values.All(t => t.InputEnded);

    public StreamTask? TaskFor(string topic, int partition) => _byPartition.GetValueOrDefault((topic, partition));

    /// <summary>Eager rebalance, step 1: commit everything, then suspend the revoked tasks (kept in case they come back).</summary>
    public void HandleRevocation(IReadOnlyCollection<TopicPartition> revoked)
    {
        _log.LogInformation("{Prefix}partitions revoked: [{Partitions}]", _prefix, string.Join(", ", revoked));
        try
        {
            Commit(force: true);
        }
        catch (TaskMigratedException ex)
        {
            _log.LogWarning("{Prefix}commit during revocation failed as migrated: {Message}", _prefix, ex.Message);
            CloseAllDirty();
            return;
        }
        var revokedSet = revoked.Select(r => (r.Topic, r.Partition.Value)).ToHashSet();
        foreach (var task in _tasks.Values.ToList())
        {
            if (!task.Queues.Any(q => revokedSet.Contains((q.Topic, q.Partition))))
            {
                continue;
            }
            var wasRestoring = task.State == TaskState.Restoring;
            task.Suspend();
            foreach (var queue in task.Queues)
            {
                queue.Clear();
                _byPartition.Remove((queue.Topic, queue.Partition));
            }
            _tasks.Remove(task.Id);
            _pendingRestore.Remove(task.Id);
            if (wasRestoring)
            {
                // Not restored yet: resuming it would skip restoration, so it is created afresh if it comes back.
                task.CloseDirty();
                _collectors.Remove(task.Id);
                continue;
            }
            _suspended[task.Id] = task;
        }
    }

    /// <summary>Eager rebalance, step 2: resume or create the assigned tasks and return where each partition starts.</summary>
    public List<TopicPartitionOffset> HandleAssignment(IReadOnlyCollection<TopicPartition> assigned)
    {
        _log.LogInformation("{Prefix}partitions assigned: [{Partitions}]", _prefix, string.Join(", ", assigned));
        var byTask = assigned.GroupBy(tp => new TaskId(_layout.SubTopologyOfTopic[tp.Topic], tp.Partition.Value)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (id, task) in _suspended.ToList())
        {
            if (!byTask.ContainsKey(id))
            {
                CloseSuspended(task);
                _suspended.Remove(id);
            }
        }
        var starts = new List<TopicPartitionOffset>();
        var created = new List<StreamTask>();
        foreach (var (id, partitions) in byTask.OrderBy(kv => kv.Key.SubTopology).ThenBy(kv => kv.Key.Partition))
        {
            var sub = _layout.Topology.SubTopologies[id.SubTopology];
            var inputs = sub.SourceTopics(_config.ApplicationId).Where(t => id.Partition < _layout.PartitionCounts[t]).Select(t => (t, id.Partition)).ToList();
            var missing = inputs.Where(i => !partitions.Any(p => p.Topic == i.t)).ToList();
            if (missing.Count > 0)
            {
                throw new StreamsException($"task {id} needs [{string.Join(", ", inputs.Select(i => $"{i.t}-{i.Partition}"))}] but this member was assigned only [{string.Join(", ", partitions)}]; use partition.assignment.strategy=range with co-partitioned source topics.");
            }
            if (_suspended.Remove(id, out var resumed))
            {
                resumed.Resume();
                Register(resumed);
                starts.AddRange(resumed.Queues.Select(q => new TopicPartitionOffset(q.Topic, q.Partition, q.ConsumedOffset + 1)));
                _log.LogInformation("{Prefix}task [{TaskId}] resumed on this member", _prefix, id);
                continue;
            }
            var collector = new RecordCollector(id, Producer, _metadata, _metrics, _config.TracksDeliveries);
            var task = new StreamTask(id, sub, _taskConfig, inputs, _layout.TaskCounts[id.SubTopology], collector, _metrics, _taskLog);
            _collectors[id] = collector;
            Register(task);
            task.InitializeIfNeeded();
            created.Add(task);
            _log.LogInformation("{Prefix}task [{TaskId}] created on this member (instance {Instance})", _prefix, id, _config.InstanceId);
        }
        if (created.Count > 0)
        {
            var histories = _checkpoints.Read(_restoreConsumer, created.Select(t => t.Id).ToList());
            var inputPartitions = created.SelectMany(t => t.Queues.Select(q => new TopicPartition(q.Topic, q.Partition))).ToList();
            var committed = Consumer!.Committed(inputPartitions, TimeSpan.FromSeconds(30)).ToDictionary(c => (c.Topic, c.Partition.Value), c => c.Offset.Value);
            foreach (var task in created)
            {
                var history = histories[task.Id];
                if (history.Latest is not null)
                {
                    task.ApplyCheckpoint(history.Latest);
                }
                foreach (var queue in task.Queues)
                {
                    var fromCheckpoint = queue.ConsumedOffset + 1;
                    var fromGroup = committed.GetValueOrDefault((queue.Topic, queue.Partition), -1);
                    var start = Math.Max(fromCheckpoint, fromGroup);
                    if (start <= 0)
                    {
                        start = _config.InitialOffsets is { } initial && initial.TryGetValue((queue.Topic, queue.Partition), out var initialOffset)
                            ? initialOffset
                            : _restoreConsumer.QueryWatermarkOffsets(new TopicPartition(queue.Topic, queue.Partition), TimeSpan.FromSeconds(10)).Low.Value;
                    }
                    task.SetStartOffset(queue.Topic, queue.Partition, start);
                    starts.Add(new TopicPartitionOffset(queue.Topic, queue.Partition, start));
                    _log.LogInformation("{Prefix}task [{TaskId}] starts {Topic}-{Partition} at {Offset} (checkpoint {Checkpoint}, group {Group})",
                        _prefix, task.Id, queue.Topic, queue.Partition, start, fromCheckpoint, fromGroup);
                }
                _pendingRestore[task.Id] = history;
            }
        }
        return starts;
    }

    /// <summary>Restores every task waiting for it, then lets it run.</summary>
    public void RestorePending(long now)
    {
        if (_pendingRestore.Count == 0)
        {
            return;
        }
        foreach (var (id, history) in _pendingRestore.ToList())
        {
            var task = _tasks[id];
            _changelogReader.Restore(task, history);
            task.CompleteRestoration(now);
            _pendingRestore.Remove(id);
        }
    }

    /// <summary>Commits every task with progress. Returns whether anything was committed.</summary>
    public bool Commit(bool force)
    {
        var commits = new List<(StreamTask Task, TaskCommit Commit)>();
        foreach (var task in _tasks.Values)
        {
            if (task.State is TaskState.Running or TaskState.Suspended && (force || task.CommitNeeded || task.CommitRequested))
            {
                var commit = task.PrepareCommit();
                if (commit is not null)
                {
                    commits.Add((task, commit));
                }
            }
        }
        if (commits.Count == 0)
        {
            return false;
        }
        var watch = Stopwatch.StartNew();
        // Delivery reports (produced ranges, send errors) are complete only after a flush. Without them,
        // CommitTransaction flushes on its own and fails if any send failed.
        if (_config.TracksDeliveries)
        {
            Producer.Flush();
        }
        foreach (var (task, commit) in commits)
        {
            var collector = _collectors[task.Id];
            collector.CheckErrors();
            commit.Checkpoint.Produced = collector.TakeProducedRanges();
            Producer.Send(_checkpoints.Topic, _checkpoints.PartitionOf(task.Id),
                new Message<byte[]?, byte[]?> { Key = CheckpointStore.Key(task.Id), Value = commit.Checkpoint.Serialize() }, onDelivery: null);
        }
        var offsets = commits.SelectMany(c => c.Commit.Offsets).Select(o => new TopicPartitionOffset(o.Topic, o.Partition, o.NextOffset)).ToList();
        if (Producer.Transactional)
        {
            Producer.CommitTransaction(offsets, Consumer!.ConsumerGroupMetadata);
        }
        else
        {
            Producer.Flush();
            foreach (var (task, _) in commits)
            {
                _collectors[task.Id].CheckErrors();
            }
            if (offsets.Count > 0)
            {
                try
                {
                    Consumer!.Commit(offsets);
                }
                catch (KafkaException ex)
                {
                    throw new TaskMigratedException($"committing offsets failed ({ex.Error.Code}: {ex.Error.Reason}); the group may have rebalanced.", ex);
                }
            }
        }
        foreach (var (task, _) in commits)
        {
            task.PostCommit();
            foreach (var queue in task.Queues)
            {
                var high = Consumer!.GetWatermarkOffsets(new TopicPartition(queue.Topic, queue.Partition)).High.Value;
                if (high >= 0)
                {
                    _metrics.Set(StreamsMetrics.Lag, $"{queue.Topic}-{queue.Partition}", Math.Max(0, high - (queue.ConsumedOffset + 1)));
                }
            }
        }
        var ms = watch.ElapsedMilliseconds;
        _metrics.Get(StreamsMetrics.Commits, "").Increment();
        _metrics.Get(StreamsMetrics.CommitLatencyTotalMs, "").Add(ms);
        _metrics.Get(StreamsMetrics.CommitLatencyMaxMs, "").Max(ms);
        _log.LogDebug("{Prefix}committed {Tasks} tasks, {Offsets} offsets in {Ms} ms", _prefix, commits.Count, offsets.Count, ms);
        return true;
    }

    /// <summary>Migration: abort, close every task dirty, and start over with a new producer.</summary>
    public void CloseAllDirty()
    {
        Producer.AbortTransaction();
        foreach (var task in _tasks.Values.Concat(_suspended.Values))
        {
            task.CloseDirty();
        }
        _tasks.Clear();
        _suspended.Clear();
        _collectors.Clear();
        _byPartition.Clear();
        _pendingRestore.Clear();
        Producer.Dispose();
        Producer = _createProducer();
    }

    /// <summary>Clean shutdown: commit, then close every task.</summary>
    public void Shutdown()
    {
        try
        {
            Commit(force: true);
            foreach (var task in _tasks.Values.Concat(_suspended.Values))
            {
                task.Suspend();
                CloseSuspended(task);
            }
        }
        catch (Exception ex)
        {
            _log.LogWarning("{Prefix}clean shutdown failed, closing dirty: {Message}", _prefix, ex.Message);
            foreach (var task in _tasks.Values.Concat(_suspended.Values))
            {
                task.CloseDirty();
            }
            Producer.AbortTransaction();
        }
        _tasks.Clear();
        _suspended.Clear();
        Producer.Dispose();
    }

    private void Register(StreamTask task)
    {
        _tasks[task.Id] = task;
        foreach (var queue in task.Queues)
        {
            _byPartition[(queue.Topic, queue.Partition)] = task;
        }
    }

    private void CloseSuspended(StreamTask task)
    {
        try
        {
            task.CloseClean();
        }
        catch (Exception ex)
        {
            _log.LogWarning("{Prefix}task [{TaskId}] clean close failed, closing dirty: {Message}", _prefix, task.Id, ex.Message);
            task.CloseDirty();
        }
        _collectors.Remove(task.Id);
        _metrics.Remove(StreamsMetrics.Watermark, task.Id.ToString());
        _log.LogInformation("{Prefix}task [{TaskId}] closed and released by this member", _prefix, task.Id);
    }
}
