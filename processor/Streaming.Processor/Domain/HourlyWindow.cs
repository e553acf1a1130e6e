namespace Streaming.Processor.Domain;

/// <summary>A tumbling one-hour window on pickup_ts, aligned to the UTC hour: [Start, End).</summary>
/// <param name="Start">Window start, inclusive (UTC epoch ms, a multiple of one hour).</param>
/// <param name="End">Window end, exclusive: Start + 1 h.</param>
public readonly record struct HourlyWindow(long Start, long End)
{
    /// <summary>One hour in milliseconds.</summary>
    public const long SizeMs = 3_600_000;

    /// <summary>The window holding an event time; floors towards minus infinity, so times before 1970 work too.</summary>
    public static HourlyWindow Containing(long eventTime)
    {
        var start = eventTime - (((eventTime % SizeMs) + SizeMs) % SizeMs);
        return new HourlyWindow(start, start + SizeMs);
    }
}
