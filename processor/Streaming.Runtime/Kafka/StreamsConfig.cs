using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Settings of a <see cref="StreamsApplication"/>.</summary>
public sealed class StreamsConfig
{
    /// <summary>Application id: consumer group id and prefix of internal topics. Required.</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>Kafka bootstrap servers. Required.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>Extra librdkafka properties applied to every client (security.protocol, sasl.*, ssl.*, ...).</summary>
    public Dictionary<string, string> ClientProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra librdkafka properties for the group consumer only (session.timeout.ms, ...).</summary>
    public Dictionary<string, string> ConsumerProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>Default <see cref="ProcessingGuarantee.ExactlyOnce"/>.</summary>
    public ProcessingGuarantee ProcessingGuarantee { get; set; } = ProcessingGuarantee.ExactlyOnce;

    /// <summary>How often to commit; default 100 ms under exactly-once, 1 s under at-least-once.</summary>
    public TimeSpan? CommitInterval { get; set; }

    /// <summary>Stream threads (each a group member with its own producer). Default 1.</summary>
    public int NumStreamThreads { get; set; } = 1;

    /// <summary>Watermark = stream time − this. Default 10 minutes.</summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a task with an empty input partition waits before processing anyway. Default 0.</summary>
    public TimeSpan MaxTaskIdle { get; set; } = TimeSpan.Zero;

    /// <summary>Consumer partition.assignment.strategy; eager strategies only on the dev mock. Default "range".</summary>
    public string PartitionAssignmentStrategy { get; set; } = "range";

    /// <summary>Bounded run: read to the end offsets captured at start, end the input, commit, return. Default false.</summary>
    public bool BoundedMode { get; set; }

    /// <summary>
    /// Bounded run: exclusive end offset per external input partition, instead of the high watermarks captured at start
    /// (backfills of a range). Partitions not listed end at their high watermark.
    /// </summary>
    public IReadOnlyDictionary<(string Topic, int Partition), long>? EndOffsets { get; set; }

    /// <summary>
    /// Where an external input partition starts when the application has neither a checkpoint nor a committed group
    /// offset for it (a backfill's first run). Partitions not listed start at their earliest offset.
    /// </summary>
    public IReadOnlyDictionary<(string Topic, int Partition), long>? InitialOffsets { get; set; }

    /// <summary>
    /// Identity of this instance, part of the transactional id <c>{appId}-{instanceId}-{thread}</c>. Keep it stable
    /// across restarts (so a restart fences its predecessor) and unique per running instance. Default the host name.
    /// </summary>
    public string InstanceId { get; set; } = Environment.MachineName;

    /// <summary>Default deserialization handler (sources may set their own). Default fail.</summary>
    public IDeserializationExceptionHandler DeserializationExceptionHandler { get; set; } = DeserializationExceptionHandlers.LogAndFail;

    /// <summary>Records processed per task per loop turn before other tasks get a turn. Default 500.</summary>
    public int MaxRecordsPerTaskTurn { get; set; } = 500;

    /// <summary>Records taken from the consumer per loop turn. Default 2000.</summary>
    public int MaxPollRecords { get; set; } = 2000;

    /// <summary>Producer linger.ms. Default 5.</summary>
    public int LingerMs { get; set; } = 5;

    /// <summary>Replication factor for internal topics created here (-1 = broker default).</summary>
    public short InternalTopicReplicationFactor { get; set; } = -1;

    /// <summary>
    /// Capability switch for brokers without transactional isolation (the librdkafka mock cluster: uncommitted records
    /// are visible and nothing is fenced). When true, changelog restore only applies records inside offset ranges that
    /// committed checkpoints list. Leave false on real Kafka, where read_committed does this.
    /// </summary>
    public bool BrokerLacksTransactionalIsolation { get; set; }

    /// <summary>
    /// SASL/OAUTHBEARER token refresh for every client the runtime builds (e.g. an Amazon MSK IAM signer); null uses
    /// librdkafka's own token handling.
    /// </summary>
    public Action<IClient, string>? OAuthBearerTokenRefreshHandler { get; set; }

    internal TimeSpan EffectiveCommitInterval => CommitInterval ?? (ProcessingGuarantee == ProcessingGuarantee.ExactlyOnce ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1));

    /// <summary>
    /// Whether sends need per-record delivery reports: for the produced offset ranges (broker without isolation) or
    /// to see failed sends before committing offsets (at_least_once). A committed transaction already implies every
    /// send succeeded, so exactly-once on real Kafka skips the per-record callback and its cost.
    /// </summary>
    internal bool TracksDeliveries => BrokerLacksTransactionalIsolation || ProcessingGuarantee != ProcessingGuarantee.ExactlyOnce;

    internal string CheckpointTopic => $"{ApplicationId}-checkpoints";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApplicationId))
        {
            throw new ArgumentException("StreamsConfig.ApplicationId is required.");
        }
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("StreamsConfig.BootstrapServers is required.");
        }
        if (NumStreamThreads < 1)
        {
            throw new ArgumentException($"StreamsConfig.NumStreamThreads must be at least 1, not {NumStreamThreads}.");
        }
        if (string.IsNullOrWhiteSpace(InstanceId))
        {
            throw new ArgumentException("StreamsConfig.InstanceId must not be empty.");
        }
        if (AllowedLateness < TimeSpan.Zero)
        {
            throw new ArgumentException($"StreamsConfig.AllowedLateness must not be negative, not {AllowedLateness}.");
        }
    }
}
