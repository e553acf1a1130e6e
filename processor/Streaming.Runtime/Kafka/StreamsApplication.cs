using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Streaming.Runtime;

/// <summary>
/// Runs a <see cref="Topology"/> against Kafka, like <c>KafkaStreams</c>: creates internal topics, starts
/// <see cref="StreamsConfig.NumStreamThreads"/> stream threads in one consumer group, and runs until cancelled, or in
/// bounded mode until every task reached the end offsets captured at start.
/// </summary>
public sealed class StreamsApplication
{
    private readonly Topology _topology;
    private readonly StreamsConfig _config;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;

    /// <summary>Creates the application; nothing connects until <see cref="RunAsync"/>.</summary>
    public StreamsApplication(Topology topology, StreamsConfig config, ILoggerFactory? loggerFactory = null)
    {
        _topology = topology ?? throw new ArgumentNullException(nameof(topology));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _config.Validate();
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
        _log = _loggers.CreateLogger("Streaming.Runtime.StreamsApplication");
    }

    /// <summary>Counters of the running application; safe to read from any thread.</summary>
    public StreamsMetrics Metrics { get; } = new();

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled (then commits and closes cleanly), or in bounded
    /// mode until the input is exhausted. Throws <see cref="StreamsException"/> when a thread fails.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var metadata = new TopicMetadataCache(_config, _loggers.CreateLogger("Streaming.Runtime.InternalTopicManager"));
        var layout = await Task.Run(() => BuildLayout(metadata), cancellationToken).ConfigureAwait(false);
        var checkpointPartitions = metadata.EnsureInternalTopic(_config.CheckpointTopic, Math.Max(1, layout.TaskCounts.Values.Max()),
            new Dictionary<string, string> { ["cleanup.policy"] = "compact" });
        var checkpoints = new CheckpointStore(_config.CheckpointTopic, checkpointPartitions);
        _log.LogInformation("application {AppId} starting {Threads} stream threads, {Tasks} tasks in total\n{Topology}", _config.ApplicationId, _config.NumStreamThreads, layout.TotalTasks, _topology.Describe());

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var threads = new List<Task>();
        for (var i = 0; i < _config.NumStreamThreads; i++)
        {
            var thread = new StreamThread(i, _config, layout, metadata, checkpoints, Metrics, _loggers);
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var os = new Thread(() =>
            {
                try
                {
                    thread.Run(stop.Token);
                    completion.SetResult();
                }
                catch (Exception ex)
                {
                    // One failed thread stops the others: the application's output would be incomplete anyway.
                    stop.Cancel();
                    completion.SetException(ex);
                }
            })
            { IsBackground = true, Name = $"{_config.ApplicationId}-StreamThread-{i}" };
            os.Start();
            threads.Add(completion.Task);
        }
        try
        {
            await Task.WhenAll(threads).ConfigureAwait(false);
        }
        catch (Exception) when (threads.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } first)
        {
            if (first is StreamsException)
            {
                throw first;
            }
            throw new StreamsException($"application {_config.ApplicationId} failed: {first.Message}", first);
        }
        _log.LogInformation("application {AppId} stopped", _config.ApplicationId);
    }

    private AppLayout BuildLayout(TopicMetadataCache metadata)
    {
        var appId = _config.ApplicationId;
        var partitionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var taskCounts = new Dictionary<int, int>();
        int TaskCount(SubTopology sub)
        {
            if (taskCounts.TryGetValue(sub.Id, out var known))
            {
                return known;
            }
            var max = 0;
            foreach (var topic in sub.SourceTopicRefs)
            {
                var name = topic.Resolve(appId);
                if (!partitionCounts.TryGetValue(name, out var count))
                {
                    count = topic.IsRepartition
                        ? metadata.EnsureInternalTopic(name, _topology.DeclaredRepartitionPartitions(topic.Name) ?? TaskCount(_topology.ProducerOf(topic)))
                        : metadata.SourcePartitionCount(name);
                    partitionCounts[name] = count;
                }
                max = Math.Max(max, count);
            }
            taskCounts[sub.Id] = max;
            return max;
        }
        foreach (var sub in _topology.SubTopologies)
        {
            TaskCount(sub);
        }
        foreach (var sub in _topology.SubTopologies)
        {
            foreach (var store in sub.Stores.Where(s => s.LoggingEnabled))
            {
                var changelog = Topology.ChangelogTopic(appId, store.Name);
                var actual = metadata.EnsureInternalTopic(changelog, taskCounts[sub.Id], new Dictionary<string, string> { ["cleanup.policy"] = "compact" });
                if (actual < taskCounts[sub.Id])
                {
                    throw new StreamsException($"changelog topic {changelog} has {actual} partitions but sub-topology {sub.Id} has {taskCounts[sub.Id]} tasks; delete it or give it {taskCounts[sub.Id]} partitions.");
                }
            }
        }
        var subOfTopic = _topology.SubTopologies.SelectMany(s => s.SourceTopics(appId).Select(t => (t, s.Id))).ToDictionary(x => x.t, x => x.Id, StringComparer.Ordinal);
        Dictionary<(string, int), long>? endOffsets = null;
        if (_config.BoundedMode)
        {
            endOffsets = new Dictionary<(string, int), long>();
            using var probe = ClientBuilders.Consumer<byte[], byte[]>(_config, ClientConfigs.RestoreConsumer(_config, appId + "-end-offsets")).Build();
            foreach (var topic in _topology.ExternalSourceTopics)
            {
                for (var p = 0; p < partitionCounts[topic]; p++)
                {
                    // The high watermark; with transactional producers the last offsets may be commit markers.
                    endOffsets[(topic, p)] = _config.EndOffsets is { } explicitEnds && explicitEnds.TryGetValue((topic, p), out var explicitEnd)
                        ? explicitEnd
                        : probe.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(30)).High.Value;
                }
            }
            _log.LogInformation("bounded run: end offsets [{Ends}]", string.Join(", ", endOffsets.Select(e => $"{e.Key.Item1}-{e.Key.Item2}@{e.Value}")));
        }
        return new AppLayout
        {
            Topology = _topology,
            ApplicationId = appId,
            TaskCounts = taskCounts,
            SubTopologyOfTopic = subOfTopic,
            PartitionCounts = partitionCounts,
            EndOffsets = endOffsets,
        };
    }
}
