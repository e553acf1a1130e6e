using Confluent.Kafka;

namespace Streaming.Sinks.Delivery;

/// <summary>How <see cref="DeliveryLoop"/> reads: topics, group, bounded mode and timings.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Topics to read. Required.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Consumer group id. Required.</summary>
    public required string GroupId { get; init; }

    /// <summary>Name of the sink, used in logs and the run summary.</summary>
    public required string SinkName { get; init; }

    /// <summary>Bounded mode: stop once every partition reached the end offset captured at start (<c>--until-end</c>).</summary>
    public bool UntilEnd { get; init; }

    /// <summary>
    /// In bounded mode, join the consumer group (subscribe) instead of assigning every partition of the topics directly.
    /// Default false: a bounded run reads all partitions anyway, and a direct assignment starts at once instead of
    /// waiting for a rebalance, which after a crashed predecessor lasts a whole session timeout. Group offsets are still
    /// committed under <see cref="GroupId"/>, best effort.
    /// </summary>
    public bool JoinGroupWhenBounded { get; init; }

    /// <summary>
    /// Partition assignment strategy. Default eager range: the dev mock broker does not reassign with cooperative-sticky
    /// (DESIGN §2); set it for real Kafka if wanted.
    /// </summary>
    public PartitionAssignmentStrategy AssignmentStrategy { get; init; } = PartitionAssignmentStrategy.Range;

    /// <summary>Longest single wait in <c>Consume</c>; bounds how late a time-based flush can run.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Timeout of metadata, watermark and committed-offset queries.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on waiting for <c>sink.rejected</c> acknowledgements before offsets are stored.</summary>
    public TimeSpan RejectedFlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">No topics, or an empty group id or sink name.</exception>
    public void Validate()
    {
        if (Topics.Count == 0 || Topics.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("at least one non-empty topic is required.", nameof(Topics));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(GroupId);
        ArgumentException.ThrowIfNullOrWhiteSpace(SinkName);
    }
}
