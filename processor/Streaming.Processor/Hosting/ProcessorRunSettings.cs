using Streaming.Contracts.Configuration;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;
using Streamiz.Kafka.Net;

namespace Streaming.Processor.Hosting;

/// <summary>Everything one processor run needs, resolved from flags and configuration.</summary>
public sealed record ProcessorRunSettings(
    string ApplicationId,
    KafkaSettings Kafka,
    SchemaRegistrySettings SchemaRegistry,
    ProcessorOptions Options,
    PipelineTopics Topics,
    ProcessingGuarantee Guarantee,
    int Threads,
    bool UntilEnd)
{
    /// <summary>How often tasks commit (Streamiz's <c>CommitIntervalMs</c>); null for <see cref="StreamizConfigFactory.DefaultCommitInterval"/>.</summary>
    public TimeSpan? CommitInterval { get; init; }

    /// <summary>/metrics and /health; null or off (port 0) for none.</summary>
    public Observability.ObservabilitySettings? Observability { get; init; }

    /// <summary>Backfill: where each input partition starts when the application id has no committed position yet.</summary>
    public IReadOnlyDictionary<(string Topic, int Partition), long>? StartOffsets { get; init; }

    /// <summary>Backfill: exclusive end offset per input partition; null ends at the end offsets captured at start.</summary>
    public IReadOnlyDictionary<(string Topic, int Partition), long>? EndOffsets { get; init; }
}
