namespace Streaming.Producer.Output;

/// <summary>
/// The destination cannot take records: Kafka is unreachable, a fatal producer error, or the output file cannot be
/// written. The message says what failed and what to check.
/// </summary>
/// <remarks>Category: fatal runtime error. The CLI prints the message and exits 1.</remarks>
public sealed class SinkException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SinkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
