namespace Streaming.Runtime;

/// <summary>Lifecycle of a <see cref="StreamTask"/>: Created → Restoring → Running → Suspended → Closed.</summary>
internal enum TaskState
{
    Created,
    Restoring,
    Running,
    Suspended,
    Closed,
}
