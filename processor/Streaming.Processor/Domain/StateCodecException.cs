namespace Streaming.Processor.Domain;

/// <summary>Stored state bytes cannot be decoded: wrong version, truncated, or trailing bytes.</summary>
/// <remarks>Category: the local state cannot be trusted; the runtime should treat it like a corrupted task (wipe and restore).</remarks>
public sealed class StateCodecException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateCodecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public StateCodecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
