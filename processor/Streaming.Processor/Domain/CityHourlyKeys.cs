using System.Globalization;
using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>
/// Keys of the city-hourly path: the repartition key is the city (UTF-8, exactly as in the trip), and the window key in
/// the aggregate store and on <c>trips.city-hourly</c> is <c>{city}|{window_start_ms}</c>, e.g. <c>Berlin|1756684800000</c>.
/// </summary>
/// <remarks>
/// The window start is written in invariant decimal digits. A city may itself contain '|': parsing splits at the last
/// one, which is always the separator.
/// </remarks>
public static class CityHourlyKeys
{
    /// <summary>The separator between city and window start.</summary>
    public const char Separator = '|';

    /// <summary>The repartition key of a trip: its city.</summary>
    public static string RepartitionKey(TripEvent trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return trip.City;
    }

    /// <summary>The window key <c>{city}|{window_start_ms}</c>.</summary>
    public static string WindowKey(string city, long windowStart)
    {
        ArgumentNullException.ThrowIfNull(city);
        return city + Separator + windowStart.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Splits a window key into city and window start.</summary>
    /// <exception cref="FormatException">The key has no separator or the start is not an integer; the message quotes the key.</exception>
    public static (string City, long WindowStart) ParseWindowKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.LastIndexOf(Separator);
        if (at < 0 || !long.TryParse(key.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start))
        {
            throw new FormatException($"'{key}' is not a city-hourly window key: expected {{city}}|{{window_start_ms}}.");
        }
        return (key[..at], start);
    }
}
