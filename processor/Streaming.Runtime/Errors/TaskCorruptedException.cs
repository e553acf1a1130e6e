namespace Streaming.Runtime;

/// <summary>
/// Category: recoverable by restoring. The local state of the named tasks cannot be trusted: wipe it and restore from
/// the changelog.
/// </summary>
public sealed class TaskCorruptedException : StreamsException
{
    /// <summary>Creates the exception for the given tasks.</summary>
    public TaskCorruptedException(IReadOnlyCollection<TaskId> tasks, string reason)
        : base($"State of tasks [{string.Join(", ", tasks)}] is corrupted: {reason}")
    {
        Tasks = tasks;
    }

    /// <summary>The corrupted tasks.</summary>
    public IReadOnlyCollection<TaskId> Tasks { get; }
}
