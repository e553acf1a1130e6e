namespace Streaming.Sinks.S3;

/// <summary>How the S3 sink lays out and rotates files. Bound from configuration section <c>S3Sink</c> and the flags.</summary>
public sealed class S3SinkOptions
{
    /// <summary>Table name: the folder under the destination and the Athena table. Required.</summary>
    public required string Table { get; init; }

    /// <summary>Rotate a file once it holds this many records. Default 1,000,000.</summary>
    public long MaxRecordsPerFile { get; init; } = 1_000_000;

    /// <summary>Rotate a file once its estimated size reaches this many bytes. Default 64 MiB.</summary>
    public long MaxBytesPerFile { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Wall-clock bound on how long a file stays open; null (the default) disables it. It makes file boundaries depend on
    /// timing, so a replay after a crash may cut files differently and write a record into two objects: use it only where
    /// latency matters more than exactly-once.
    /// </summary>
    public TimeSpan? RotateInterval { get; init; }

    /// <summary>How long after an hour's end records of that hour are still awaited (the sink's watermark lag). Default 10 min.</summary>
    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Most hours open at once per Kafka partition; opening one more closes the file of the earliest hour. Bounds memory and
    /// temporary disk. Default 4.
    /// </summary>
    public int MaxOpenFilesPerPartition { get; init; } = 4;

    /// <summary>Row-group size of the Parquet files. Default 16 MiB.</summary>
    public long RowGroupSizeBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public S3SinkOptions Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Table);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordsPerFile, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytesPerFile, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOpenFilesPerPartition, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AllowedLateness, TimeSpan.Zero);
        if (RotateInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RotateInterval), interval, "RotateInterval must be positive.");
        }
        return this;
    }
}
