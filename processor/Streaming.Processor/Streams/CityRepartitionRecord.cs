using Streaming.Processor.Domain;

namespace Streaming.Processor.Streams;

/// <summary>
/// A value on the city repartition topic: either a partial aggregate of one city and window (keyed by city) or a
/// <see cref="WatermarkMarker"/> (addressed to one partition). Exactly one of the two is set.
/// </summary>
public sealed record CityRepartitionRecord(string? City, CityHourlyPartial? Partial, WatermarkMarker? Marker)
{
    public static CityRepartitionRecord Of(string city, CityHourlyPartial partial) => new(city, partial, null);

    public static CityRepartitionRecord Of(WatermarkMarker marker) => new(null, null, marker);
}
