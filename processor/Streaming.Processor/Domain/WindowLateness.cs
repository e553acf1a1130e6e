namespace Streaming.Processor.Domain;

/// <summary>
/// Window lateness, judged at the source partition (DESIGN §4, Late for a window): a window is closed for a record when
/// its end ≤ the source partition's watermark at the record's arrival.
/// </summary>
public static class WindowLateness
{
    /// <summary>True when the window is already closed at this watermark (end ≤ watermark).</summary>
    public static bool IsClosed(HourlyWindow window, long watermark) => window.End <= watermark;

    /// <summary>True when the hourly window holding <paramref name="eventTime"/> is closed at this watermark.</summary>
    public static bool IsLate(long eventTime, long watermark) => IsClosed(HourlyWindow.Containing(eventTime), watermark);
}
