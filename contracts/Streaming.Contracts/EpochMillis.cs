using System.Globalization;

namespace Streaming.Contracts;

/// <summary>
/// Conversions for timestamps, which the contract carries as UTC epoch milliseconds (Avro <c>timestamp-millis</c>).
/// </summary>
public static class EpochMillis
{
    private static readonly long s_minDateTimeMillis = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long s_maxDateTimeMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// Parses a timestamp written as epoch milliseconds (<c>1756684800000</c>) or as ISO-8601
    /// (<c>2025-09-01T00:00:00Z</c>, <c>2025-09-01T02:00:00+02:00</c>, <c>2025-09-01</c>); a text without an offset is UTC.
    /// </summary>
    /// <exception cref="FormatException">The text is neither; the message quotes it.</exception>
    public static long Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a timestamp: expected epoch milliseconds or ISO-8601.");

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed.ToUnixTimeMilliseconds();
            return true;
        }
        return false;
    }

    /// <summary>Epoch milliseconds of an instant.</summary>
    public static long From(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    /// <summary>The UTC instant of epoch milliseconds.</summary>
    public static DateTimeOffset ToDateTimeOffset(long epochMillis) => DateTimeOffset.FromUnixTimeMilliseconds(epochMillis);

    /// <summary>
    /// ISO-8601 UTC text with milliseconds, e.g. <c>2025-09-01T00:00:00.000Z</c> (for logs and messages); a value outside
    /// years 1–9999 reads <c>outside years 1-9999</c>, since it comes from input and must not fail the caller.
    /// </summary>
    public static string ToIsoString(long epochMillis) =>
        epochMillis < s_minDateTimeMillis || epochMillis > s_maxDateTimeMillis
            ? "outside years 1-9999"
            : DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

}
