namespace Streaming.Runtime;

/// <summary>What the application derived from metadata at start: task counts, topic → sub-topology, bounded end offsets.</summary>
internal sealed class AppLayout
{
    public required Topology Topology { get; init; }

    public required string ApplicationId { get; init; }

    public required Dictionary<int, int> TaskCounts { get; init; }

    public required Dictionary<string, int> SubTopologyOfTopic { get; init; }

    public required Dictionary<string, int> PartitionCounts { get; init; }

    /// <summary>Bounded mode: end offset (exclusive) of each external source partition, captured at start.</summary>
    public Dictionary<(string Topic, int Partition), long>? EndOffsets { get; init; }

    public IReadOnlyList<string> AllSourceTopics => SubTopologyOfTopic.Keys.ToList();

    public int TotalTasks => TaskCounts.Values.Sum();
}
