namespace Streaming.Runtime;

/// <summary>
/// Category: recoverable by rejoining. The producer was fenced, or its epoch or sequence became invalid, or a
/// transaction was aborted: the tasks may now be owned elsewhere. Close the tasks dirty and rejoin the group.
/// </summary>
public sealed class TaskMigratedException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    public TaskMigratedException(string message, Exception? innerException = null) : base(message, innerException ?? new InvalidOperationException(message))
    {
    }
}
