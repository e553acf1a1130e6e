using System.Text.Json;

namespace Streaming.Runtime;

/// <summary>
/// A task's input positions and partition clocks, written in the same transaction as its outputs to
/// <c>{appId}-checkpoints</c> (key = task id). Resuming from it keeps offsets and lateness decisions exact even where
/// transactional offset commits are lost (the dev mock broker).
/// </summary>
internal sealed class TaskCheckpoint
{
    public string TaskId { get; set; } = "";

    public List<PartitionCheckpoint> Partitions { get; set; } = [];

    /// <summary>What this task wrote in the transaction that carries this checkpoint (outputs, changelogs, repartition).</summary>
    public List<ProducedRange> Produced { get; set; } = [];

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static TaskCheckpoint Deserialize(byte[] bytes) =>
        JsonSerializer.Deserialize<TaskCheckpoint>(bytes) ?? throw new ProcessorStateException("checkpoint record is empty.");
}

/// <summary>One input partition of a checkpoint: the next offset to read and the clock.</summary>
internal sealed class PartitionCheckpoint
{
    public string Topic { get; set; } = "";

    public int Partition { get; set; }

    public long NextOffset { get; set; }

    public PartitionClockState Clock { get; set; } = new();
}
