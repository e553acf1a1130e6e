namespace Streaming.Producer.Generation;

/// <summary>The event-time span generated data covers: <see cref="Days"/> whole UTC days from <see cref="StartMs"/>.</summary>
/// <param name="StartMs">Start, UTC epoch ms (midnight of the --start date).</param>
/// <param name="Days">Number of days (--days), at least 1.</param>
public readonly record struct GenerationWindow(long StartMs, int Days)
{
    /// <summary>Milliseconds per minute.</summary>
    public const long MinuteMs = 60_000;

    /// <summary>Milliseconds per hour.</summary>
    public const long HourMs = 60 * MinuteMs;

    /// <summary>Milliseconds per day.</summary>
    public const long DayMs = 24 * HourMs;

    /// <summary>The end of the span (exclusive), UTC epoch ms.</summary>
    public long EndMs => StartMs + (Days * DayMs);

    /// <summary>The start of day <paramref name="day"/> (0-based), UTC epoch ms.</summary>
    public long DayStart(int day) => StartMs + (day * DayMs);

    /// <summary>The window starting at midnight UTC of a date.</summary>
    public static GenerationWindow FromDate(DateOnly start, int days) =>
        new(new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(), days);
}
