using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Streaming.Runtime;

/// <summary>
/// Runs a <see cref="Topology"/> without a broker, like Kafka Streams' TopologyTestDriver. Every topic is an in-memory
/// log; repartition topics are real logs with watermark markers between tasks, so min-watermark behaviour is the
/// same as on Kafka. Each pipe runs all tasks until nothing more can be processed, then commits (flushes changelogs).
/// </summary>
public sealed class TopologyTestDriver : IDisposable
{
    private readonly Topology _topology;
    private readonly TopologyTestDriverOptions _options;
    private readonly Dictionary<string, InMemoryTopic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sourceSubTopology = new(StringComparer.Ordinal);
    private readonly SortedDictionary<TaskId, StreamTask> _tasks = new(Comparer<TaskId>.Create((a, b) => a.SubTopology != b.SubTopology ? a.SubTopology.CompareTo(b.SubTopology) : a.Partition.CompareTo(b.Partition)));
    private readonly Collector _collector;
    private readonly Dictionary<int, int> _taskCounts = new();
    private long _appended;
    private bool _running;

    /// <summary>Creates the driver and all tasks (one per partition of each sub-topology).</summary>
    public TopologyTestDriver(Topology topology, TopologyTestDriverOptions? options = null)
    {
        _topology = topology ?? throw new ArgumentNullException(nameof(topology));
        _options = options ?? new TopologyTestDriverOptions();
        WallClockTime = _options.InitialWallClockTimeMs;
        _collector = new Collector(this);
        var appId = _options.ApplicationId;
        var config = new TaskConfig(appId, (long)_options.AllowedLateness.TotalMilliseconds, (long)_options.MaxTaskIdle.TotalMilliseconds, _options.DeserializationExceptionHandler);
        var loggerFactory = _options.LoggerFactory ?? NullLoggerFactory.Instance;

        var taskCounts = _taskCounts;
        foreach (var sub in topology.SubTopologies)
        {
            TaskCount(sub);
        }
        foreach (var sub in topology.SubTopologies)
        {
            var topics = sub.SourceTopics(appId);
            foreach (var topic in topics)
            {
                _sourceSubTopology[topic] = sub.Id;
            }
            for (var p = 0; p < taskCounts[sub.Id]; p++)
            {
                var partition = p;
                var inputs = topics.Where(t => partition < Topic(t).PartitionCount).Select(t => (t, partition)).ToList();
                var task = new StreamTask(new TaskId(sub.Id, p), sub, config, inputs, taskCounts[sub.Id], _collector, Metrics, loggerFactory.CreateLogger("Streaming.Runtime.StreamTask"));
                task.InitializeIfNeeded();
                _tasks.Add(task.Id, task);
            }
        }
        foreach (var task in _tasks.Values)
        {
            task.CompleteRestoration(WallClockTime);
        }
        Run();
    }

    /// <summary>Counters of the tasks.</summary>
    public StreamsMetrics Metrics { get; } = new();

    /// <summary>The mock wall clock, epoch ms.</summary>
    public long WallClockTime { get; private set; }

    /// <summary>Task ids, by sub-topology then partition.</summary>
    public IReadOnlyList<TaskId> TaskIds => _tasks.Keys.ToList();

    /// <summary>An input topic (external source, or any topic to feed by hand).</summary>
    public TestInputTopic<TKey, TValue> CreateInputTopic<TKey, TValue>(string topic, ISerializer<TKey> keySerializer, ISerializer<TValue> valueSerializer) =>
        new(this, topic, keySerializer, valueSerializer);

    /// <summary>An input topic with serdes.</summary>
    public TestInputTopic<TKey, TValue> CreateInputTopic<TKey, TValue>(string topic, Serde<TKey> keySerde, Serde<TValue> valueSerde) =>
        new(this, topic, keySerde.Serializer, valueSerde.Serializer);

    /// <summary>An output topic reader (any topic, including internal ones by full name).</summary>
    public TestOutputTopic<TKey, TValue> CreateOutputTopic<TKey, TValue>(string topic, IDeserializer<TKey> keyDeserializer, IDeserializer<TValue> valueDeserializer) =>
        new(Topic(topic), keyDeserializer, valueDeserializer);

    /// <summary>An output topic reader with serdes.</summary>
    public TestOutputTopic<TKey, TValue> CreateOutputTopic<TKey, TValue>(string topic, Serde<TKey> keySerde, Serde<TValue> valueSerde) =>
        new(Topic(topic), keySerde.Deserializer, valueSerde.Deserializer);

    /// <summary>Advances the mock wall clock, fires wall-clock punctuations and lets idle tasks proceed.</summary>
    public void AdvanceWallClockTime(TimeSpan advance)
    {
        if (advance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(advance), advance, "the wall clock does not go back.");
        }
        WallClockTime += (long)advance.TotalMilliseconds;
        foreach (var task in _tasks.Values)
        {
            task.MaybePunctuateSystemTime(WallClockTime);
        }
        Run();
    }

    /// <summary>
    /// Bounded end: every external source partition ends. Watermarks move to stream time, processors' end hooks run,
    /// end markers flow through repartition topics, and downstream tasks end once all upstream tasks have.
    /// </summary>
    public void EndInput()
    {
        foreach (var task in _tasks.Values)
        {
            foreach (var queue in task.Queues.Where(q => !q.IsRepartition))
            {
                task.MarkInputComplete(queue.Topic, queue.Partition);
            }
        }
        Run();
    }

    /// <summary>True once every task has run its end of input.</summary>
    public bool AllTasksEnded => _tasks.Values.All(t => t.InputEnded);

    /// <summary>The task watermark (long.MinValue if none).</summary>
    public long GetWatermark(TaskId task) => Task(task).Watermark;

    /// <summary>The task stream time (long.MinValue if none).</summary>
    public long GetStreamTime(TaskId task) => Task(task).StreamTime;

    /// <summary>A key-value store of the task owning it for <paramref name="partition"/>.</summary>
    public IKeyValueStore<TKey, TValue> GetKeyValueStore<TKey, TValue>(string name, int partition = 0) where TKey : notnull =>
        StoreOf(name, partition) as IKeyValueStore<TKey, TValue> ?? throw new InvalidOperationException($"store '{name}' is not a key-value store of {typeof(TKey).Name} → {typeof(TValue).Name}.");

    /// <summary>A window store of the task owning it for <paramref name="partition"/>.</summary>
    public IWindowStore<TKey, TValue> GetWindowStore<TKey, TValue>(string name, int partition = 0) where TKey : notnull =>
        StoreOf(name, partition) as IWindowStore<TKey, TValue> ?? throw new InvalidOperationException($"store '{name}' is not a window store of {typeof(TKey).Name} → {typeof(TValue).Name}.");

    /// <summary>Raw records of a topic partition including markers (for tests of the runtime itself).</summary>
    internal IReadOnlyList<RawRecord> RawLog(string topic, int partition) => Topic(topic).Partition(partition);

    /// <summary>Commits and closes every task.</summary>
    public void Dispose()
    {
        foreach (var task in _tasks.Values)
        {
            if (task.State == TaskState.Closed)
            {
                continue;
            }
            if (task.PrepareCommit() is not null)
            {
                task.PostCommit();
            }
            task.Suspend();
            task.CloseClean();
        }
    }

    internal void PipeRaw(string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp)
    {
        var target = Topic(topic);
        var p = partition ?? (key is null ? -1 : Murmur2Partitioner.Partition(key, target.PartitionCount));
        Append(target, p, key, value, headers, timestamp);
        Run();
    }

    private void Run()
    {
        if (_running)
        {
            return;
        }
        _running = true;
        try
        {
            bool progress;
            do
            {
                var before = _appended;
                progress = false;
                foreach (var task in _tasks.Values)
                {
                    task.UpdateWatermark();
                    while (task.IsProcessable(WallClockTime) && task.Process(WallClockTime))
                    {
                        // Markers after every record: the finest interleaving of data and watermarks.
                        task.MaybeEmitWatermarkMarkers();
                        progress = true;
                    }
                    task.MaybeEmitWatermarkMarkers();
                }
                foreach (var task in _tasks.Values)
                {
                    if (task.PrepareCommit() is not null)
                    {
                        task.PostCommit();
                    }
                }
                progress |= _appended != before;
            }
            while (progress);
        }
        finally
        {
            _running = false;
        }
    }

    private void Append(InMemoryTopic topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp)
    {
        var record = topic.Append(partition, key, value, headers, timestamp);
        _appended++;
        if (_sourceSubTopology.TryGetValue(topic.Name, out var sub) && _tasks.TryGetValue(new TaskId(sub, record.Partition), out var task))
        {
            task.AddRecord(record);
        }
    }

    private StreamTask Task(TaskId id) => _tasks.TryGetValue(id, out var task) ? task : throw new ArgumentException($"task {id} does not exist; tasks are [{string.Join(", ", _tasks.Keys)}].", nameof(id));

    private IStateStore StoreOf(string name, int partition)
    {
        if (!_topology.StoreOwners.TryGetValue(name, out var sub))
        {
            throw new ArgumentException($"store '{name}' is not in the topology.", nameof(name));
        }
        return Task(new TaskId(sub, partition)).StateManager.Store(name);
    }

    private int TaskCount(SubTopology sub)
    {
        if (!_taskCounts.TryGetValue(sub.Id, out var count))
        {
            _taskCounts[sub.Id] = count = sub.SourceTopicRefs.Max(PartitionCountOf);
        }
        return count;
    }

    private int PartitionCountOf(TopicRef topic)
    {
        var name = topic.Resolve(_options.ApplicationId);
        if (_options.TopicPartitions.TryGetValue(name, out var count) || (topic.IsRepartition && _options.TopicPartitions.TryGetValue(topic.Name, out count)))
        {
            return count;
        }
        if (topic.IsRepartition)
        {
            return _topology.DeclaredRepartitionPartitions(topic.Name) ?? TaskCount(_topology.ProducerOf(topic));
        }
        return _options.DefaultPartitions;
    }

    private InMemoryTopic Topic(string name)
    {
        if (!_topics.TryGetValue(name, out var topic))
        {
            var partitions = _options.TopicPartitions.GetValueOrDefault(name, 0);
            if (partitions == 0)
            {
                var repartition = _topology.SubTopologies.SelectMany(s => s.SourceTopicRefs).FirstOrDefault(t => t.IsRepartition && t.Resolve(_options.ApplicationId) == name);
                var changelogOwner = _topology.StoreOwners.Where(o => Runtime.Topology.ChangelogTopic(_options.ApplicationId, o.Key) == name).Select(o => (int?)o.Value).FirstOrDefault();
                partitions = repartition.Name is not null ? PartitionCountOf(repartition)
                    : changelogOwner is not null ? TaskCount(_topology.SubTopologies[changelogOwner.Value])
                    : _options.DefaultPartitions;
            }
            _topics[name] = topic = new InMemoryTopic(name, partitions);
        }
        return topic;
    }

    private sealed class Collector(TopologyTestDriver driver) : IRecordCollector
    {
        public void Send(string topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp)
        {
            if (!WatermarkMarker.IsMarker(headers))
            {
                driver.Metrics.Get(StreamsMetrics.RecordsOut, topic).Increment();
            }
            driver.Append(driver.Topic(topic), partition, key, value, headers, timestamp);
        }

        public int PartitionCount(string topic) => driver.Topic(topic).PartitionCount;
    }
}
