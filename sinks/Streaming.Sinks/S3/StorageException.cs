namespace Streaming.Sinks.S3;

/// <summary>
/// A storage operation failed (network, throttling, server error, disk). Category: retriable — the sink keeps its
/// buffered files and backs off; it never skips data.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception for an operation on a key.</summary>
    public StorageException(string key, string message, Exception? inner = null)
        : base(message, inner)
    {
        Key = key;
    }

    /// <summary>The object key the operation was about.</summary>
    public string Key { get; }
}
