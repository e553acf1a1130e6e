namespace Streaming.Runtime;

/// <summary>The context of one task, shared by its processors; tracks the node being run and the current record.</summary>
internal sealed class ProcessorContextImpl(StreamTask task, TaskConfig config, IRecordCollector collector, Func<long> wallClock) : IProcessorContext
{
    private RawRecord? _record;
    private RecordMetadata? _metadata;
    private long _sourceWatermark = long.MinValue;
    private long _sourceStreamTime = long.MinValue;

    public IRecordCollector Collector { get; } = collector;

    public ProcessorNode? CurrentNode { get; set; }

    public bool Excluded { get; private set; }

    public string ApplicationId => config.ApplicationId;

    public TaskId TaskId => task.Id;

    public RecordMetadata? RecordMetadata =>
        _record is null ? null : _metadata ??= new RecordMetadata(_record.Topic, _record.Partition, _record.Offset, _record.KafkaTimestamp, _record.KeyBytes, _record.ValueBytes, _record.Headers);

    public long StreamTime => task.StreamTime;

    public long Watermark => task.Watermark;

    public long SourcePartitionWatermark => _record is null ? task.Watermark : _sourceWatermark;

    public long SourcePartitionStreamTime => _record is null ? task.StreamTime : _sourceStreamTime;

    public TimeSpan AllowedLateness => TimeSpan.FromMilliseconds(config.AllowedLatenessMs);

    public long WallClockTime => wallClock();

    public void SetRecord(RawRecord record, PartitionClock clock)
    {
        _record = record;
        _metadata = null;
        _sourceWatermark = clock.Watermark;
        _sourceStreamTime = clock.StreamTime;
        Excluded = false;
    }

    public void ClearRecord()
    {
        _record = null;
        _metadata = null;
    }

    public void Forward<TKey, TValue>(Record<TKey, TValue> record)
    {
        var node = CurrentNode ?? throw new StreamsException($"task {task.Id}: Forward called outside of a processor.");
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            ForwardTo(node, children[i], record);
        }
    }

    public void Forward<TKey, TValue>(Record<TKey, TValue> record, string childName)
    {
        var node = CurrentNode ?? throw new StreamsException($"task {task.Id}: Forward called outside of a processor.");
        var child = node.Child(childName)
            ?? throw new StreamsException($"processor '{node.Name}' has no child named '{childName}'; its children are [{string.Join(", ", node.Children.Select(c => c.Name))}].");
        ForwardTo(node, child, record);
    }

    public TStore GetStateStore<TStore>(string name) where TStore : class, IStateStore
    {
        var node = CurrentNode ?? throw new StreamsException($"task {task.Id}: GetStateStore('{name}') called outside of a processor.");
        if (!node.StoreNames.Contains(name))
        {
            throw new StreamsException($"processor '{node.Name}' has no access to state store '{name}'; connect them with AddStateStore(builder, \"{node.Name}\").");
        }
        var store = task.StateManager.Store(name);
        return store as TStore
            ?? throw new StreamsException($"state store '{name}' is a {store.GetType().Name}, not a {typeof(TStore).Name}; check the key and value types.");
    }

    public ICancellable Schedule(TimeSpan interval, PunctuationType type, Action<long> callback)
    {
        if (interval < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "punctuation interval must be at least 1 ms.");
        }
        var node = CurrentNode ?? throw new StreamsException($"task {task.Id}: Schedule called outside of a processor.");
        return task.AddPunctuation(node, (long)interval.TotalMilliseconds, type, callback);
    }

    public void Commit() => task.RequestCommit();

    public void ExcludeCurrentRecordFromStreamTime() => Excluded = true;

    private void ForwardTo<TKey, TValue>(ProcessorNode from, ProcessorNode child, Record<TKey, TValue> record)
    {
        if (child is not IRecordReceiver<TKey, TValue> receiver)
        {
            throw new StreamsException($"processor '{from.Name}' forwarded Record<{typeof(TKey).Name},{typeof(TValue).Name}> to '{child.Name}', which takes {child.InputType}.");
        }
        CurrentNode = child;
        try
        {
            receiver.Receive(record);
        }
        finally
        {
            CurrentNode = from;
        }
    }
}
