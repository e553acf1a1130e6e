namespace Streaming.Sinks.S3;

/// <summary>
/// One output file of a Kafka partition's hour, from open to committed, or a file restored from a checkpoint that is
/// only replayed (<see cref="IsReplayed"/>: already uploaded, holds its slot, writes nothing).
/// </summary>
internal sealed class HourFile
{
    public required long HourStart { get; init; }

    public required long HourEnd { get; init; }

    public required long StartOffset { get; init; }

    /// <summary>Last offset written (for a replayed file: the last offset the uploaded file holds).</summary>
    public long LastOffset { get; set; }

    public HourFileState State { get; set; } = HourFileState.Writing;

    /// <summary>Null for a replayed file.</summary>
    public IRecordWriter? Writer { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>The partition's stream time just before <see cref="StartOffset"/> was read.</summary>
    public long? StreamTimeBefore { get; init; }

    /// <summary>Start offsets of the files open just before <see cref="StartOffset"/> was read.</summary>
    public long[] OpenBefore { get; init; } = [];

    /// <summary>
    /// Opened for an hour the watermark had already closed: it collects that hour's late records and is never rotated by
    /// hour close, only by the size, time and open-hours bounds.
    /// </summary>
    public bool IsLate { get; init; }

    /// <summary>For a late file: the partition's watermark when it opened, the start of its <see cref="S3SinkOptions.LateFileWindow"/>.</summary>
    public long OpenedAtWatermark { get; init; }

    /// <summary>Closed right after <see cref="LastOffset"/> because of the size bound.</summary>
    public bool ClosedBySize { get; set; }

    public bool IsReplayed => Writer is null;

    public override string ToString() => $"{Writer?.Key ?? "replayed"} [{StartOffset}..{LastOffset}] {State}{(IsLate ? " late" : "")}";
}

/// <summary>The lifecycle of an <see cref="HourFile"/>.</summary>
internal enum HourFileState
{
    /// <summary>Open: records of its hour go here.</summary>
    Writing,

    /// <summary>A rotation predicate fired: no more records, waiting for upload.</summary>
    ShouldRotate,

    /// <summary>Uploaded.</summary>
    Committed,
}
