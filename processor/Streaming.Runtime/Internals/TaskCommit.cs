namespace Streaming.Runtime;

/// <summary>What <see cref="StreamTask.PrepareCommit"/> hands to the task manager: offsets to commit and the checkpoint.</summary>
internal sealed record TaskCommit(TaskId TaskId, IReadOnlyList<(string Topic, int Partition, long NextOffset)> Offsets, TaskCheckpoint Checkpoint);
