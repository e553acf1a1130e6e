using System.Collections.Concurrent;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>
/// Partition counts of topics, looked up once. Internal topics are created here: CreateTopics with a short timeout
/// (brokers that do not answer it, like the dev mock, then auto-create the topic on the metadata request).
/// </summary>
internal sealed class TopicMetadataCache : IDisposable
{
    private readonly IAdminClient _admin;
    private readonly IAdminClient _autoCreateAdmin;
    private readonly ConcurrentDictionary<string, int> _partitions = new(StringComparer.Ordinal);
    private readonly StreamsConfig _config;
    private readonly ILogger _log;

    public TopicMetadataCache(StreamsConfig config, ILogger logger)
    {
        _config = config;
        _log = logger;
        _admin = ClientBuilders.Admin(config, ClientConfigs.Admin(config, config.ApplicationId + "-admin", allowAutoCreate: false));
        _autoCreateAdmin = ClientBuilders.Admin(config, ClientConfigs.Admin(config, config.ApplicationId + "-admin-internal", allowAutoCreate: true));
    }

    /// <summary>Partition count of an existing topic (outputs are auto-created by the broker on first produce).</summary>
    public int PartitionCount(string topic) => _partitions.TryGetValue(topic, out var known) ? known : _partitions.GetOrAdd(topic, t => Lookup(t, _autoCreateAdmin, autoCreate: true) ?? throw new StreamsException($"topic '{t}' does not exist and could not be created."));

    /// <summary>Partition count of an external source topic, which must exist.</summary>
    public int SourcePartitionCount(string topic) => _partitions.GetOrAdd(topic, t => Lookup(t, _admin, autoCreate: false)
        ?? throw new StreamsException($"source topic '{t}' does not exist; create it (or produce to it) before starting application '{_config.ApplicationId}'."));

    /// <summary>Creates an internal topic if missing and returns its actual partition count.</summary>
    public int EnsureInternalTopic(string topic, int partitions, IReadOnlyDictionary<string, string>? topicConfig = null)
    {
        var existing = Lookup(topic, _admin, autoCreate: false);
        if (existing is null)
        {
            try
            {
                _admin.CreateTopicsAsync(
                    [new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = _config.InternalTopicReplicationFactor, Configs = topicConfig?.ToDictionary() }],
                    new CreateTopicsOptions { OperationTimeout = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(3) })
                    .Wait(TimeSpan.FromSeconds(4));
            }
            catch (Exception ex)
            {
                _log.LogDebug("CreateTopics for {Topic} did not succeed ({Error}); relying on auto-creation", topic, ex.GetBaseException().Message);
            }
            existing = Lookup(topic, _autoCreateAdmin, autoCreate: true) ?? throw new StreamsException($"internal topic '{topic}' could not be created.");
        }
        if (existing != partitions)
        {
            _log.LogWarning("internal topic {Topic} has {Actual} partitions, wanted {Wanted}", topic, existing, partitions);
        }
        _partitions[topic] = existing.Value;
        return existing.Value;
    }

    public void Dispose()
    {
        _admin.Dispose();
        _autoCreateAdmin.Dispose();
    }

    private static int? Lookup(string topic, IAdminClient admin, bool autoCreate)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
            var info = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
            if (info is not null && info.Error.Code == ErrorCode.NoError && info.Partitions.Count > 0)
            {
                return info.Partitions.Count;
            }
            if (info is not null && info.Error.Code == ErrorCode.UnknownTopicOrPart && !autoCreate)
            {
                return null;
            }
            Thread.Sleep(100);
        }
        return null;
    }
}
