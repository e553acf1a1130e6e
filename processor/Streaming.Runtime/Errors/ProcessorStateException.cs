namespace Streaming.Runtime;

/// <summary>Category: fatal for the task. Store, changelog or checkpoint I/O failed; the message names the store or topic.</summary>
public sealed class ProcessorStateException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    public ProcessorStateException(string message, Exception? innerException = null) : base(message, innerException ?? new InvalidOperationException(message))
    {
    }
}
