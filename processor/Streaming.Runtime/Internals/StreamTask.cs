using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// One partition of one sub-topology: its record queues, processors, stores, clocks and punctuations. Runs on one
/// stream thread; time is passed in (<c>now</c>) so tests control it. Transactions belong to the task manager.
/// </summary>
internal sealed class StreamTask
{
    private readonly TaskConfig _config;
    private readonly ProcessorTopology _topology;
    private readonly ProcessorContextImpl _context;
    private readonly PartitionGroup _group;
    private readonly Dictionary<(string Topic, int Partition), RecordQueue> _queues = new();
    private readonly PunctuationQueue _streamTimePunctuations = new();
    private readonly PunctuationQueue _wallClockPunctuations = new();
    private readonly IRecordCollector _collector;
    private readonly StreamsMetrics _metrics;
    private readonly ILogger _log;
    private readonly int _taskCount;
    private readonly Dictionary<RecordQueue, StreamsCounter> _recordsIn = new();
    private readonly Dictionary<RecordQueue, long> _committedOffsets = new();
    private long _lastMarkerWatermark = long.MinValue;
    private bool _endMarkersSent;
    private long _now;
    private readonly string _idText;
    private readonly StreamsCounter _watermarkGauge;
    private readonly StreamsCounter _streamTimeGauge;

    public StreamTask(TaskId id, SubTopology subTopology, TaskConfig config, IReadOnlyList<(string Topic, int Partition)> inputs, int taskCount,
        IRecordCollector collector, StreamsMetrics metrics, ILogger logger)
    {
        Id = id;
        _idText = id.ToString();
        _config = config;
        _taskCount = taskCount;
        _collector = collector;
        _metrics = metrics;
        _log = logger;
        _topology = subTopology.Instantiate(config.ApplicationId);
        StateManager = new ProcessorStateManager(id, config.ApplicationId, _topology.Stores);
        _context = new ProcessorContextImpl(this, config, collector, () => _now);
        var queues = new List<RecordQueue>();
        foreach (var (topic, partition) in inputs)
        {
            if (!_topology.SourcesByTopic.TryGetValue(topic, out var source))
            {
                throw new StreamsException($"task {id}: topic '{topic}' is not a source of sub-topology {subTopology.Id}.");
            }
            PartitionClock clock = source.IsRepartition ? new RepartitionPartitionClock() : new SourcePartitionClock(config.AllowedLatenessMs);
            var queue = new RecordQueue(topic, partition, source, clock, OnDeserializationFailure);
            queues.Add(queue);
            IsDownstream |= source.IsRepartition;
            _queues.Add((topic, partition), queue);
            _recordsIn[queue] = metrics.Get(StreamsMetrics.RecordsIn, topic);
            _committedOffsets[queue] = -1;
        }
        _group = new PartitionGroup(queues, config.MaxTaskIdleMs);
        _watermarkGauge = metrics.Get(StreamsMetrics.Watermark, _idText);
        _streamTimeGauge = metrics.Get(StreamsMetrics.StreamTime, _idText);
    }

    public TaskId Id { get; }

    public TaskState State { get; private set; } = TaskState.Created;

    public ProcessorStateManager StateManager { get; }

    public IReadOnlyList<RecordQueue> Queues => _group.Queues;

    /// <summary>The task reads a repartition topic, so other tasks feed it.</summary>
    public bool IsDownstream { get; private set; }

    /// <summary>Largest event time processed by the task.</summary>
    public long StreamTime { get; private set; } = long.MinValue;

    /// <summary>Minimum watermark over the input partitions that have not ended (see <see cref="IProcessorContext.Watermark"/>).</summary>
    public long Watermark { get; private set; } = long.MinValue;

    /// <summary>Every input partition has ended and the end-of-input hooks have run.</summary>
    public bool InputEnded { get; private set; }

    public bool CommitNeeded { get; private set; }

    public bool CommitRequested { get; private set; }

    public int BufferedCount => _group.BufferedCount;

    private string Prefix => $"task [{Id}] ";

    public RecordQueue? Queue(string topic, int partition) => _queues.GetValueOrDefault((topic, partition));

    public void InitializeIfNeeded()
    {
        switch (State)
        {
            case TaskState.Created:
                Transition(TaskState.Restoring);
                return;
            case TaskState.Restoring:
            case TaskState.Running:
                return;
            case TaskState.Suspended:
            case TaskState.Closed:
                throw IllegalState("initializing");
        }
    }

    /// <summary>Puts resumed positions and clocks in place (before any record is added).</summary>
    public void ApplyCheckpoint(TaskCheckpoint checkpoint)
    {
        foreach (var partition in checkpoint.Partitions)
        {
            if (_queues.TryGetValue((partition.Topic, partition.Partition), out var queue))
            {
                queue.Clock.Load(partition.Clock);
                queue.ConsumedOffset = partition.NextOffset - 1;
                _committedOffsets[queue] = partition.NextOffset - 1;
                StreamTime = Math.Max(StreamTime, queue.Clock.StreamTime);
            }
        }
    }

    /// <summary>Sets where reading starts when there is no checkpoint (committed offset or log start).</summary>
    public void SetStartOffset(string topic, int partition, long nextOffset)
    {
        var queue = Queue(topic, partition) ?? throw new StreamsException($"{Prefix}does not read {topic}-{partition}.");
        queue.ConsumedOffset = nextOffset - 1;
        _committedOffsets[queue] = nextOffset - 1;
    }

    public void CompleteRestoration(long now)
    {
        switch (State)
        {
            case TaskState.Restoring:
                _now = now;
                foreach (var node in _topology.Nodes)
                {
                    _context.CurrentNode = node;
                    node.Init(_context);
                }
                _context.CurrentNode = null;
                Transition(TaskState.Running);
                UpdateWatermark();
                return;
            case TaskState.Running:
                return;
            case TaskState.Created:
            case TaskState.Suspended:
            case TaskState.Closed:
                throw IllegalState("completing restoration");
        }
    }

    public void AddRecord(RawRecord record)
    {
        var queue = Queue(record.Topic, record.Partition) ?? throw new StreamsException($"{Prefix}received a record of {record.Topic}-{record.Partition}, which it does not read.");
        queue.Add(record);
    }

    /// <summary>Bounded run: nothing more will arrive on this source partition.</summary>
    public void MarkInputComplete(string topic, int partition)
    {
        var queue = Queue(topic, partition) ?? throw new StreamsException($"{Prefix}does not read {topic}-{partition}.");
        queue.InputComplete = true;
    }

    public bool IsProcessable(long now) => State == TaskState.Running && _group.ReadyToProcess(now);

    /// <summary>Processes the next record in event-time order; false if none is buffered.</summary>
    public bool Process(long now)
    {
        if (State != TaskState.Running)
        {
            throw IllegalState("processing");
        }
        _now = now;
        var queue = _group.NextQueue();
        if (queue is null)
        {
            return false;
        }
        var record = queue.Poll();
        var clock = queue.Clock;
        _context.SetRecord(record, clock);
        _context.CurrentNode = queue.Source;
        try
        {
            if (_log.IsEnabled(LogLevel.Trace))
            {
                _log.LogTrace("{Prefix}processing {Topic}-{Partition}@{Offset} ts={Timestamp}", Prefix, record.Topic, record.Partition, record.Offset, record.Timestamp);
            }
            queue.Source.Process(record, _context);
        }
        catch (StreamsException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new StreamsException($"Exception caught in process of task {Id} at topic={record.Topic} partition={record.Partition} offset={record.Offset}: {ex.Message}", ex);
        }
        finally
        {
            _context.CurrentNode = null;
            _context.ClearRecord();
        }
        // Stream time moves after the record: the record was judged against the time before it, and a processor
        // may have excluded it (rejected records never advance time).
        if (!_context.Excluded && record.Timestamp >= 0)
        {
            clock.Advance(record.Timestamp);
            if (record.Timestamp > StreamTime)
            {
                StreamTime = record.Timestamp;
            }
        }
        _recordsIn[queue].Increment();
        CommitNeeded = true;
        MaybePunctuateStreamTime();
        UpdateWatermark();
        return true;
    }

    public bool MaybePunctuateStreamTime() => _streamTimePunctuations.MayPunctuate(StreamTime, RunPunctuation);

    public bool MaybePunctuateSystemTime(long now)
    {
        _now = now;
        return State == TaskState.Running && _wallClockPunctuations.MayPunctuate(now, RunPunctuation);
    }

    /// <summary>
    /// Re-derives the task watermark from the partition clocks, runs watermark hooks and store expiry when it
    /// advanced, and runs end of input once every partition has ended. Call after records or markers were added.
    /// </summary>
    public void UpdateWatermark()
    {
        if (State != TaskState.Running)
        {
            return;
        }
        var allEnded = true;
        var minOpen = long.MaxValue;
        var maxEnded = long.MinValue;
        foreach (var queue in _group.Queues)
        {
            var clock = queue.Clock;
            if (!clock.Ended && queue.IsExhausted)
            {
                clock.MarkEnded();
            }
            if (clock.Ended && queue.Head is null)
            {
                maxEnded = Math.Max(maxEnded, clock.Watermark);
            }
            else
            {
                allEnded = false;
                minOpen = Math.Min(minOpen, clock.Watermark);
            }
            StreamTime = Math.Max(StreamTime, clock.StreamTime);
        }
        var watermark = allEnded ? maxEnded : minOpen;
        if (watermark > Watermark)
        {
            Watermark = watermark;
            CommitNeeded = true;
            _watermarkGauge.Set(watermark);
            _streamTimeGauge.Set(StreamTime);
            foreach (var node in _topology.Nodes)
            {
                if (node is IWatermarkAware)
                {
                    RunWatermarkHook(node, watermark);
                }
            }
            StateManager.OnWatermark(watermark);
        }
        if (allEnded && !InputEnded)
        {
            InputEnded = true;
            CommitNeeded = true;
            _log.LogInformation("{Prefix}end of input: stream time {StreamTime}, watermark {Watermark}; flushing processors", Prefix, StreamTime, Watermark);
            foreach (var node in _topology.Nodes)
            {
                RunHook(node, n => n.OnEndOfInput());
            }
            EmitWatermarkMarkers(endOfInput: true);
        }
    }

    /// <summary>Sends a watermark marker to every partition of each repartition topic if the watermark advanced.</summary>
    public void MaybeEmitWatermarkMarkers()
    {
        if (Watermark > _lastMarkerWatermark && !_endMarkersSent)
        {
            EmitWatermarkMarkers(endOfInput: false);
        }
    }

    public void RequestCommit() => CommitRequested = true;

    /// <summary>Flushes store changelogs and markers into the collector and returns what to commit (null if nothing).</summary>
    public TaskCommit? PrepareCommit()
    {
        switch (State)
        {
            case TaskState.Running:
            case TaskState.Suspended:
            case TaskState.Restoring:
                break;
            case TaskState.Created:
            case TaskState.Closed:
                throw IllegalState("preparing commit");
        }
        if (!CommitNeeded && !CommitRequested)
        {
            return null;
        }
        if (State == TaskState.Running)
        {
            FlushProcessors();
            StateManager.FlushChangelogs(_collector, Math.Max(StreamTime, 0));
            MaybeEmitWatermarkMarkers();
        }
        var offsets = new List<(string, int, long)>();
        var checkpoint = new TaskCheckpoint { TaskId = Id.ToString() };
        foreach (var queue in _group.Queues)
        {
            if (queue.ConsumedOffset >= 0)
            {
                offsets.Add((queue.Topic, queue.Partition, queue.ConsumedOffset + 1));
            }
            checkpoint.Partitions.Add(new PartitionCheckpoint
            {
                Topic = queue.Topic,
                Partition = queue.Partition,
                NextOffset = queue.ConsumedOffset + 1,
                Clock = queue.Clock.Save(),
            });
        }
        _log.LogDebug("{Prefix}prepared commit of {Count} offsets", Prefix, offsets.Count);
        return new TaskCommit(Id, offsets, checkpoint);
    }

    public void PostCommit()
    {
        foreach (var queue in _group.Queues)
        {
            _committedOffsets[queue] = queue.ConsumedOffset;
        }
        CommitNeeded = false;
        CommitRequested = false;
        StateManager.ReportEntries(_metrics);
        _streamTimeGauge.Set(StreamTime);
    }

    public void Suspend()
    {
        switch (State)
        {
            case TaskState.Created:
            case TaskState.Restoring:
            case TaskState.Running:
                Transition(TaskState.Suspended);
                return;
            case TaskState.Suspended:
                return;
            case TaskState.Closed:
                throw IllegalState("suspending");
        }
    }

    /// <summary>Takes a suspended task back (reassigned after an eager rebalance); processors and stores are kept.</summary>
    public void Resume()
    {
        switch (State)
        {
            case TaskState.Suspended:
                Transition(TaskState.Running);
                return;
            case TaskState.Running:
                return;
            case TaskState.Created:
            case TaskState.Restoring:
            case TaskState.Closed:
                throw IllegalState("resuming");
        }
    }

    /// <summary>Closes after a successful commit; throws if uncommitted work would be lost (then close dirty).</summary>
    public void CloseClean()
    {
        switch (State)
        {
            case TaskState.Suspended:
            case TaskState.Created:
                if (CommitNeeded && State == TaskState.Suspended && _group.Queues.Any(q => q.ConsumedOffset != _committedOffsets[q]))
                {
                    throw new TaskMigratedException($"task {Id} has uncommitted progress while closing clean; close it dirty.");
                }
                CloseNodes();
                Transition(TaskState.Closed);
                return;
            case TaskState.Closed:
                return;
            case TaskState.Restoring:
            case TaskState.Running:
                throw IllegalState("closing clean");
        }
    }

    /// <summary>Closes without committing; secondary errors are logged and swallowed.</summary>
    public void CloseDirty()
    {
        if (State == TaskState.Closed)
        {
            return;
        }
        try
        {
            CloseNodes();
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "{Prefix}error while closing dirty (ignored)", Prefix);
        }
        foreach (var queue in _group.Queues)
        {
            queue.Clear();
        }
        StateManager.Clear();
        State = TaskState.Closed;
        _log.LogInformation("{Prefix}closed dirty", Prefix);
    }

    internal ICancellable AddPunctuation(ProcessorNode node, long intervalMs, PunctuationType type, Action<long> callback) => type switch
    {
        PunctuationType.StreamTime => _streamTimePunctuations.Add(new PunctuationSchedule(node, intervalMs, callback, long.MinValue)),
        PunctuationType.WallClockTime => _wallClockPunctuations.Add(new PunctuationSchedule(node, intervalMs, callback, _now + intervalMs)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown punctuation type."),
    };

    private void RunPunctuation(PunctuationSchedule schedule, long time)
    {
        CommitNeeded = true;
        RunHook(schedule.Node, _ => schedule.Callback(time));
    }

    private void RunWatermarkHook(ProcessorNode node, long watermark)
    {
        _context.CurrentNode = node;
        try
        {
            node.OnWatermark(watermark);
        }
        catch (StreamsException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new StreamsException($"Exception caught in OnWatermark of processor '{node.Name}' of task {Id}: {ex.Message}", ex);
        }
        finally
        {
            _context.CurrentNode = null;
        }
    }

    /// <summary>Runs every processor's Flush in topological order, so a parent's flushed output reaches its children first.</summary>
    private void FlushProcessors()
    {
        foreach (var node in _topology.Nodes)
        {
            if (node is IWatermarkAware)
            {
                RunHook(node, static n => n.Flush());
            }
        }
    }

    private void RunHook(ProcessorNode node, Action<ProcessorNode> hook)
    {
        _context.CurrentNode = node;
        try
        {
            hook(node);
        }
        catch (StreamsException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new StreamsException($"Exception caught in processor '{node.Name}' of task {Id} outside of a record: {ex.Message}", ex);
        }
        finally
        {
            _context.CurrentNode = null;
        }
    }

    private void EmitWatermarkMarkers(bool endOfInput)
    {
        if (_topology.RepartitionSinkTopics.Count == 0 || _endMarkersSent)
        {
            return;
        }
        FlushProcessors();
        var marker = new WatermarkMarker(Id.Partition, _taskCount, Watermark, endOfInput).Encode();
        var timestamp = Math.Max(StreamTime, 0);
        foreach (var topic in _topology.RepartitionSinkTopics)
        {
            var partitions = _collector.PartitionCount(topic);
            for (var p = 0; p < partitions; p++)
            {
                _collector.Send(topic, p, null, marker, WatermarkMarker.MarkerHeaders(), timestamp);
            }
        }
        _lastMarkerWatermark = Watermark;
        _endMarkersSent = endOfInput;
    }

    private void OnDeserializationFailure(RecordQueue queue, RawRecord record, Exception error, bool isKey)
    {
        var handler = queue.Source.DeserializationExceptionHandler ?? _config.DeserializationExceptionHandler;
        var failure = new DeserializationFailure(Id, record.Topic, record.Partition, record.Offset, record.KafkaTimestamp, record.KeyBytes, record.ValueBytes, record.Headers, isKey, error);
        var response = handler.Handle(failure);
        CommitNeeded = true;
        switch (response.Action)
        {
            case DeserializationAction.Fail:
                throw new StreamsException($"Deserialization of the {(isKey ? "key" : "value")} failed in task {Id} at topic={record.Topic} partition={record.Partition} offset={record.Offset}: {error.Message}", error);
            case DeserializationAction.Skip:
                _log.LogWarning("{Prefix}skipped undeserializable record at {Topic}-{Partition}@{Offset}: {Error}", Prefix, record.Topic, record.Partition, record.Offset, error.Message);
                _metrics.Get(StreamsMetrics.DeserializationSkipped, record.Topic).Increment();
                break;
            case DeserializationAction.Route:
                var topic = response.Topic!;
                var partition = response.Key is null ? -1 : Murmur2Partitioner.Partition(response.Key, _collector.PartitionCount(topic));
                _collector.Send(topic, partition, response.Key, response.Value, response.Headers, record.KafkaTimestamp);
                _metrics.Get(StreamsMetrics.DeserializationRouted, record.Topic).Increment();
                break;
        }
    }

    private void CloseNodes()
    {
        Exception? first = null;
        foreach (var node in _topology.Nodes)
        {
            try
            {
                _context.CurrentNode = node;
                node.Close();
            }
            catch (Exception ex)
            {
                first ??= ex;
            }
        }
        _context.CurrentNode = null;
        if (first is not null)
        {
            throw first is StreamsException ? first : new StreamsException($"closing task {Id} failed: {first.Message}", first);
        }
    }

    private void Transition(TaskState next)
    {
        _log.LogInformation("{Prefix}state transition from {From} to {To}", Prefix, State, next);
        State = next;
    }

    private StreamsException IllegalState(string action) => new($"Illegal state {State} while {action} task {Id}");
}
