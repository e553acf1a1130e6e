using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streaming.Sinks.S3;

/// <summary>
/// Where a Kafka partition resumes, and the writer state at that offset, stored next to the table
/// (<see cref="ObjectKeys.Checkpoint"/>) after the files it covers were uploaded. It is the source of truth for the resume
/// offset (the group commit follows it). With it a restart replays into exactly the same files:
/// <list type="bullet">
/// <item><see cref="StreamTime"/> restores the watermark as it was just before <see cref="ResumeOffset"/>, so hour-close
/// decisions repeat;</item>
/// <item><see cref="OpenFiles"/> are the files that were open at that offset but started before it (all uploaded since):
/// on replay they hold their slot and swallow their own records again (up to their last offset) instead of a second copy
/// being written.</item>
/// </list>
/// </summary>
public sealed record PartitionCheckpoint
{
    /// <summary>The format version.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    /// <summary>The next offset to read.</summary>
    [JsonPropertyName("resume_offset")]
    public long ResumeOffset { get; init; }

    /// <summary>The partition's stream time (max event time, epoch ms) before <see cref="ResumeOffset"/>; null when none.</summary>
    [JsonPropertyName("stream_time")]
    public long? StreamTime { get; init; }

    /// <summary>Files open at <see cref="ResumeOffset"/> that started before it.</summary>
    [JsonPropertyName("open_files")]
    public IReadOnlyList<CheckpointFile> OpenFiles { get; init; } = [];

    /// <summary>Serialises to UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>Parses UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The bytes are not a checkpoint.</exception>
    public static PartitionCheckpoint FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<PartitionCheckpoint>(json) ?? throw new JsonException("checkpoint is null");
}

/// <summary>A file open at a checkpoint's resume offset.</summary>
/// <param name="HourStart">Start of the file's hour, epoch ms.</param>
/// <param name="StartOffset">First offset in the file.</param>
/// <param name="LastOffset">Last offset in the file (final: the file is uploaded).</param>
/// <param name="ClosedBySize">Whether it was closed right after <paramref name="LastOffset"/> by the size bound.</param>
/// <param name="OpenedAtWatermark">For a late file, the watermark when it opened: on replay its late window ends where it did.</param>
/// <param name="IsLate">
/// Whether it is a late file: on replay it then keeps its slot past hour close, as it did in the first run, and swallows
/// its own late records again.
/// </param>
public sealed record CheckpointFile(
    [property: JsonPropertyName("hour_start")] long HourStart,
    [property: JsonPropertyName("start_offset")] long StartOffset,
    [property: JsonPropertyName("last_offset")] long LastOffset,
    [property: JsonPropertyName("closed_by_size")] bool ClosedBySize,
    [property: JsonPropertyName("late")] bool IsLate = false,
    [property: JsonPropertyName("opened_at_watermark")] long OpenedAtWatermark = 0);
