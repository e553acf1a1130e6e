using Microsoft.Extensions.Logging;

namespace Streaming.Sinks.S3;

/// <summary>
/// The named rotation predicates of <see cref="TopicPartitionWriter"/>. Each logs its inputs at Trace. Hour close and size
/// depend only on the records read, so a replay after a crash makes the same decisions and rebuilds the same files; the
/// time bound depends on the wall clock and therefore does not (it is off by default).
/// </summary>
public static class FileRotation
{
    /// <summary>
    /// The file's hour is closed: the partition's watermark (max event time seen minus the allowed lateness) has reached the
    /// end of the hour, so no on-time record of that hour can still arrive.
    /// </summary>
    public static bool RotateOnHourClose(long hourEnd, long? watermark, ILogger? logger = null)
    {
        var rotate = watermark is { } w && w >= hourEnd;
        if (logger?.IsEnabled(LogLevel.Trace) == true)
        {
            logger.LogTrace("RotateOnHourClose: hourEnd={HourEnd} watermark={Watermark} -> {Rotate}", hourEnd, watermark, rotate);
        }
        return rotate;
    }

    /// <summary>
    /// A late file has been open for <paramref name="window"/> of event time: the watermark moved that far past the
    /// watermark at which it opened. Late records of its hour that come after that start a new late file. Without this
    /// bound a late file that stops receiving records would stay open, and hold the resume offset back, for good.
    /// </summary>
    public static bool RotateOnLateWindow(long openedAtWatermark, long? watermark, TimeSpan window, ILogger? logger = null)
    {
        var rotate = watermark is { } w && w - openedAtWatermark >= (long)window.TotalMilliseconds;
        if (logger?.IsEnabled(LogLevel.Trace) == true)
        {
            logger.LogTrace("RotateOnLateWindow: openedAtWatermark={Opened} watermark={Watermark} window={Window} -> {Rotate}", openedAtWatermark, watermark, window, rotate);
        }
        return rotate;
    }

    /// <summary>The file holds <paramref name="maxRecords"/> records, or its estimated size reached <paramref name="maxBytes"/>.</summary>
    public static bool RotateOnSize(long records, long estimatedBytes, long maxRecords, long maxBytes, ILogger? logger = null)
    {
        var rotate = records >= maxRecords || estimatedBytes >= maxBytes;
        if (logger?.IsEnabled(LogLevel.Trace) == true)
        {
            logger.LogTrace("RotateOnSize: records={Records}/{MaxRecords} bytes={Bytes}/{MaxBytes} -> {Rotate}", records, maxRecords, estimatedBytes, maxBytes, rotate);
        }
        return rotate;
    }

    /// <summary>The file has been open for <paramref name="interval"/> of wall-clock time (never when the interval is null).</summary>
    public static bool RotateOnTime(DateTimeOffset openedAt, DateTimeOffset now, TimeSpan? interval, ILogger? logger = null)
    {
        var rotate = interval is { } i && now - openedAt >= i;
        if (logger?.IsEnabled(LogLevel.Trace) == true)
        {
            logger.LogTrace("RotateOnTime: openedAt={OpenedAt:O} now={Now:O} interval={Interval} -> {Rotate}", openedAt, now, interval, rotate);
        }
        return rotate;
    }
}
