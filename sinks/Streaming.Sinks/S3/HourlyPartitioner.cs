using System.Globalization;

namespace Streaming.Sinks.S3;

/// <summary>
/// The time-based partitioner of the lake: <c>dt=YYYY-MM-DD/hour=HH</c> from the record's event time in UTC (DESIGN §6),
/// the layout Athena's partition projection reads.
/// </summary>
public sealed class HourlyPartitioner : IPartitioner
{
    /// <summary>One hour in milliseconds.</summary>
    public const long HourMillis = 3_600_000;

    /// <summary>The shared instance (the partitioner has no state).</summary>
    public static HourlyPartitioner Instance { get; } = new();

    /// <inheritdoc />
    public long PartitionStart(long eventTimeMillis) => Math.DivRem(eventTimeMillis, HourMillis) switch
    {
        // Floor division: an event before 1970 still belongs to the hour that starts at or before it.
        (var q, < 0) => (q - 1) * HourMillis,
        (var q, _) => q * HourMillis,
    };

    /// <inheritdoc />
    public long PartitionEnd(long partitionStart) => partitionStart + HourMillis;

    /// <inheritdoc />
    public string EncodePartition(long eventTimeMillis)
    {
        var hour = DateTimeOffset.FromUnixTimeMilliseconds(PartitionStart(eventTimeMillis)).UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"dt={hour:yyyy-MM-dd}/hour={hour:HH}");
    }

    /// <inheritdoc />
    public string GeneratePartitionedPath(string table, string encodedPartition)
    {
        ArgumentException.ThrowIfNullOrEmpty(encodedPartition);
        return PathSegment.Encode(table) + "/" + encodedPartition;
    }
}
