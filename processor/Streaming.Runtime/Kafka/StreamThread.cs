using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// One group member: polls records into task queues, restores, processes in event-time order, punctuates, sends
/// watermark markers and commits on the interval. Runs on its own OS thread; everything here is single-threaded
/// except librdkafka's delivery callbacks.
/// </summary>
internal sealed class StreamThread
{
    private readonly StreamsConfig _config;
    private readonly AppLayout _layout;
    private readonly TopicMetadataCache _metadata;
    private readonly CheckpointStore _checkpoints;
    private readonly StreamsMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly string _name;
    private readonly string _prefix;
    private readonly Dictionary<(string, int), long> _fetchPositions = new();
    private readonly StreamsCounter _firstRecord;
    private long _pollTicks;
    private long _processTicks;
    private long _commitTicks;

    public StreamThread(int index, StreamsConfig config, AppLayout layout, TopicMetadataCache metadata, CheckpointStore checkpoints, StreamsMetrics metrics, ILoggerFactory loggers)
    {
        _config = config;
        _layout = layout;
        _metadata = metadata;
        _checkpoints = checkpoints;
        _metrics = metrics;
        _loggers = loggers;
        _log = loggers.CreateLogger("Streaming.Runtime.StreamThread");
        _name = $"{config.ApplicationId}-{config.InstanceId}-StreamThread-{index}";
        _prefix = $"stream-thread [{_name}] ";
        _firstRecord = metrics.Get(StreamsMetrics.FirstRecordAtMs, "");
    }

    public void Run(CancellationToken cancellationToken)
    {
        using var restoreConsumer = ClientBuilders.Consumer<byte[]?, byte[]?>(_config, ClientConfigs.RestoreConsumer(_config, _name + "-restore")).Build();
        var taskManager = new TaskManager(_config, _layout, _metadata, _checkpoints, restoreConsumer,
            () => new StreamsProducer(_config, _name + "-producer-" + _name[(_name.LastIndexOf('-') + 1)..], _loggers.CreateLogger("Streaming.Runtime.StreamsProducer")),
            _metrics, _loggers, _name);
        using var consumer = ClientBuilders.Consumer<byte[]?, byte[]?>(_config, ClientConfigs.MainConsumer(_config, _name + "-consumer"))
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                var starts = taskManager.HandleAssignment(partitions);
                foreach (var start in starts)
                {
                    _fetchPositions[(start.Topic, start.Partition.Value)] = start.Offset.Value;
                }
                return starts;
            })
            .SetPartitionsRevokedHandler((_, partitions) => taskManager.HandleRevocation(partitions.Select(p => p.TopicPartition).ToList()))
            .SetErrorHandler((_, e) => _log.Log(e.IsFatal ? LogLevel.Error : LogLevel.Debug, "{Prefix}consumer error {Code}: {Reason}", _prefix, e.Code, e.Reason))
            .Build();
        taskManager.Consumer = consumer;
        consumer.Subscribe(_layout.AllSourceTopics);
        _log.LogInformation("{Prefix}started; subscribed to [{Topics}] ({Guarantee})", _prefix, string.Join(", ", _layout.AllSourceTopics), _config.ProcessingGuarantee);
        var lastCommit = Now();
        var commitIntervalMs = (long)_config.EffectiveCommitInterval.TotalMilliseconds;
        var clean = false;
        var idle = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var now = Now();
                    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                    Poll(consumer, taskManager, idle);
                    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                    taskManager.RestorePending(now);
                    idle = Process(taskManager, now) == 0;
                    var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                    _pollTicks += t1 - t0;
                    _processTicks += t2 - t1;
                    if (now - lastCommit >= commitIntervalMs || taskManager.Tasks.Any(t => t.CommitRequested))
                    {
                        taskManager.Commit(force: false);
                        lastCommit = now;
                        _commitTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t2;
                    }
                    if (_config.BoundedMode && taskManager.AllTasksEnded)
                    {
                        taskManager.Commit(force: true);
                        _log.LogInformation("{Prefix}bounded run complete: every task reached the end of its input", _prefix);
                        break;
                    }
                }
                catch (TaskMigratedException ex)
                {
                    _log.LogWarning("{Prefix}tasks migrated ({Message}); closing them dirty and rejoining the group", _prefix, ex.Message);
                    taskManager.CloseAllDirty();
                    _fetchPositions.Clear();
                    consumer.Unsubscribe();
                    consumer.Subscribe(_layout.AllSourceTopics);
                }
            }
            _log.LogInformation("{Prefix}time spent: poll {Poll} ms, process {Process} ms, commit {Commit} ms", _prefix,
                _pollTicks * 1000 / System.Diagnostics.Stopwatch.Frequency, _processTicks * 1000 / System.Diagnostics.Stopwatch.Frequency, _commitTicks * 1000 / System.Diagnostics.Stopwatch.Frequency);
            taskManager.Shutdown();
            clean = true;
        }
        catch (Exception ex)
        {
            _log.LogError("{Prefix}failed: {Message}", _prefix, ex.Message);
            throw;
        }
        finally
        {
            if (!clean)
            {
                taskManager.CloseAllDirty();
                taskManager.Producer.Dispose();
            }
            try
            {
                consumer.Close();
            }
            catch (KafkaException ex)
            {
                _log.LogDebug("{Prefix}consumer close: {Reason}", _prefix, ex.Error.Reason);
            }
            _log.LogInformation("{Prefix}stopped", _prefix);
        }
    }

    /// <param name="idle">The last turn processed nothing: buffered records wait for other partitions.</param>
    private void Poll(IConsumer<byte[]?, byte[]?> consumer, TaskManager taskManager, bool idle)
    {
        var buffered = 0;
        foreach (var task in taskManager.Tasks)
        {
            buffered += task.State == TaskState.Running ? task.BufferedCount : 0;
        }
        // Bounded buffering: past a few poll batches, process before fetching more.
        var budget = buffered > _config.MaxPollRecords * 4 ? 0 : _config.MaxPollRecords;
        // Wait for data when there is nothing to do; a short wait when buffered records are blocked on an empty
        // partition, instead of spinning against librdkafka's threads for the CPU.
        var firstWaitMs = buffered == 0 ? 50 : idle ? 2 : 0;
        for (var i = 0; i < budget; i++)
        {
            var waitMs = i == 0 ? firstWaitMs : 0;
            if (consumer.Consume(waitMs) is not { } result)
            {
                break;
            }
            var key = (result.Topic, result.Partition.Value);
            if (result.IsPartitionEOF)
            {
                _fetchPositions[key] = Math.Max(_fetchPositions.GetValueOrDefault(key), result.Offset.Value);
                continue;
            }
            var task = taskManager.TaskFor(result.Topic, result.Partition.Value);
            if (task is null)
            {
                continue;
            }
            _fetchPositions[key] = result.Offset.Value + 1;
            if (_layout.EndOffsets is not null && _layout.EndOffsets.TryGetValue(key, out var end) && result.Offset.Value >= end)
            {
                continue;
            }
            var message = result.Message;
            // Records without headers carry none, so forwarding them allocates nothing.
            task.AddRecord(new RawRecord(result.Topic, result.Partition.Value, result.Offset.Value, message.Timestamp.UnixTimestampMs, message.Key, message.Value,
                message.Headers is { Count: > 0 } headers ? headers : null));
        }
        if (_layout.EndOffsets is not null)
        {
            foreach (var task in taskManager.Tasks)
            {
                foreach (var queue in task.Queues)
                {
                    if (!queue.IsRepartition && !queue.InputComplete && _layout.EndOffsets.TryGetValue((queue.Topic, queue.Partition), out var end)
                        && Math.Max(_fetchPositions.GetValueOrDefault((queue.Topic, queue.Partition)), queue.ConsumedOffset + 1) >= end)
                    {
                        task.MarkInputComplete(queue.Topic, queue.Partition);
                    }
                }
            }
        }
    }

    /// <summary>Gives every running task a turn; returns the number of records processed.</summary>
    private int Process(TaskManager taskManager, long now)
    {
        var total = 0;
        foreach (var task in taskManager.Tasks)
        {
            if (task.State != TaskState.Running)
            {
                continue;
            }
            task.UpdateWatermark();
            var processed = 0;
            // A downstream task drains what it has: upstream tasks together feed it faster than one turn's budget
            // (a skewed key sends a third of all trips to one partition), and its lag must not grow without bound.
            var budget = task.IsDownstream ? int.MaxValue : _config.MaxRecordsPerTaskTurn;
            while (processed < budget && task.IsProcessable(now) && task.Process(now))
            {
                processed++;
            }
            if (processed > 0 && _firstRecord.Value == 0)
            {
                _firstRecord.Set(now);
            }
            total += processed;
            task.MaybePunctuateSystemTime(now);
            // Watermark markers go out with each commit (PrepareCommit), not after every turn: each one is a record
            // to every repartition partition, and a commit interval is as fresh as downstream windows need.
        }
        return total;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
