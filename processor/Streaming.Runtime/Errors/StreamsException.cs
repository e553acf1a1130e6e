namespace Streaming.Runtime;

/// <summary>
/// Category: fatal. The stream thread stops (authorization, serialization, a missing topic, an exception in user
/// processing code). The message names the task and, for records, the topic, partition and offset.
/// </summary>
public class StreamsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StreamsException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StreamsException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
