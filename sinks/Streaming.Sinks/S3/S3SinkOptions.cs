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
    /// How long a late file stays open in event time: it is committed once the watermark is this far past the watermark
    /// at which it opened (see <see cref="FileRotation.RotateOnLateWindow"/>). It bounds how far a late file holds the
    /// resume offset back. Default 6 h: trips up to a few hours late land in one late file per hour.
    /// </summary>
    public TimeSpan LateFileWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The default of <see cref="MaxOpenFilesPerPartition"/>.</summary>
    public const int DefaultMaxOpenFilesPerPartition = 8;

    /// <summary>
    /// Most hours open at once per Kafka partition, late files included; opening one more closes the file of the earliest
    /// hour. Bounds memory and temporary disk, and is what finally closes a late file that stops receiving records (see
    /// <see cref="TopicPartitionWriter"/>). Default 8: the current hour plus late files for hours up to about 7 back, so
    /// trips a few hours late each land in one late file per hour.
    /// </summary>
    public int MaxOpenFilesPerPartition { get; init; } = DefaultMaxOpenFilesPerPartition;

    /// <summary>
    /// The default of <see cref="RowGroupSizeBytes"/>: 16 MiB, about 150,000 trips (DuckDB's own row groups are 122,880
    /// rows). bench/parquet: as small as the files, and faster to write than 64 MiB groups on 1M trips.
    /// </summary>
    public const long DefaultRowGroupSizeBytes = 16L * 1024 * 1024;

    /// <summary>
    /// A Parquet row group is written once its buffered values reach this PLAIN-encoded size, so a file of the default
    /// size bound has a few row groups (an hour's file usually one), and memory per open file stays bounded. Default 16 MiB.
    /// </summary>
    public long RowGroupSizeBytes { get; init; } = DefaultRowGroupSizeBytes;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public S3SinkOptions Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Table);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordsPerFile, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytesPerFile, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOpenFilesPerPartition, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupSizeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AllowedLateness, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LateFileWindow, TimeSpan.Zero);
        if (RotateInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RotateInterval), interval, "RotateInterval must be positive.");
        }
        return this;
    }
}
