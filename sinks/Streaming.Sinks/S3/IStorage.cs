namespace Streaming.Sinks.S3;

/// <summary>
/// An object store under one root (an S3 bucket and prefix, or a local folder). Keys are relative to the root and use
/// '/'. A put replaces the object atomically: readers see the old object or the new one, never a part.
/// </summary>
public interface IStorage
{
    /// <summary>A description for logs, e.g. <c>s3://bucket/prefix</c>.</summary>
    string Description { get; }

    /// <summary>Uploads a local file as <paramref name="key"/>, replacing any object there.</summary>
    /// <exception cref="StorageException">The upload failed after the storage's own retries (transient: the caller keeps the file and backs off).</exception>
    Task PutFileAsync(string key, string localPath, CancellationToken cancellationToken = default);

    /// <summary>Stores small bytes (checkpoints) as <paramref name="key"/>, replacing any object there.</summary>
    /// <exception cref="StorageException">The write failed after the storage's own retries.</exception>
    Task PutBytesAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default);

    /// <summary>Reads an object, or null when there is none.</summary>
    /// <exception cref="StorageException">The read failed after the storage's own retries.</exception>
    Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default);
}
