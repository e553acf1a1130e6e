namespace Streaming.Sinks.S3;

/// <summary>Tuning of <see cref="S3Storage"/>.</summary>
public sealed class S3StorageOptions
{
    /// <summary>S3's smallest part size (every part but the last).</summary>
    public const long MinimumPartSizeBytes = 5L * 1024 * 1024;

    /// <summary>Files larger than this are uploaded in parts. Default 8 MiB.</summary>
    public long MultipartThresholdBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Size of each part but the last; at least 5 MiB. Default 8 MiB.</summary>
    public long PartSizeBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Attempts per request (put, part, complete) before the failure goes to the caller. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay; doubled per attempt with full jitter. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of one backoff delay. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Send payloads aws-chunked. Must be false for s3rver (it would store the framing inside the object).</summary>
    public bool UseChunkEncoding { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public S3StorageOptions Validate()
    {
        if (PartSizeBytes < MinimumPartSizeBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(PartSizeBytes), PartSizeBytes, $"PartSizeBytes must be at least {MinimumPartSizeBytes} (S3's minimum part size).");
        }
        if (MultipartThresholdBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MultipartThresholdBytes), MultipartThresholdBytes, "MultipartThresholdBytes must be positive.");
        }
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
        }
        return this;
    }
}
