namespace Streaming.Producer;

/// <summary>
/// A problem the user fixes: a flag value out of range, a missing or malformed input file. The message is one
/// sentence saying what to fix.
/// </summary>
/// <remarks>Category: user error. The CLI prints the message without a stack trace and exits 2.</remarks>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with a sentence saying what to fix.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a sentence saying what to fix and the underlying cause.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
