namespace Streaming.Producer.Generation;

/// <summary>How trips look in one city.</summary>
/// <param name="Name">City name as written in trips.</param>
/// <param name="Share">Share of all trips (the shares of <see cref="All"/> sum to 1).</param>
/// <param name="SpeedKmh">Typical door-to-door speed off-peak.</param>
/// <param name="FareMultiplier">Tariff level relative to the national average.</param>
public sealed record CityProfile(string Name, double Share, double SpeedKmh, double FareMultiplier)
{
    /// <summary>The cities of the seed sample; London is about 30% of trips.</summary>
    public static IReadOnlyList<CityProfile> All { get; } =
    [
        new("London", 0.30, 15.0, 1.10),
        new("Manchester", 0.13, 20.0, 0.96),
        new("Birmingham", 0.13, 20.0, 0.95),
        new("Liverpool", 0.09, 21.0, 0.93),
        new("Watford", 0.05, 24.0, 0.97),
        new("Leeds", 0.11, 21.0, 0.94),
        new("Glasgow", 0.10, 21.0, 0.93),
        new("Bristol", 0.09, 19.0, 0.97),
    ];
}
