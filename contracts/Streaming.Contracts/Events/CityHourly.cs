namespace Streaming.Contracts.Events;

/// <summary>
/// Final hourly aggregate of trips per city (topic <c>trips.city-hourly</c>); emitted once, when the window closes.
/// </summary>
/// <param name="City">City.</param>
/// <param name="WindowStart">Window start (inclusive), UTC epoch milliseconds.</param>
/// <param name="WindowEnd">Window end (exclusive), UTC epoch milliseconds.</param>
/// <param name="Trips">Number of trips whose pickup falls in the window.</param>
/// <param name="FareSum">Sum of fares.</param>
/// <param name="FareAvg">Average fare.</param>
/// <param name="FareMin">Smallest fare.</param>
/// <param name="FareMax">Largest fare.</param>
/// <param name="DistanceKmSum">Sum of distances in kilometres.</param>
/// <param name="AvgDurationS">Average trip duration (dropoff - pickup) in seconds.</param>
public sealed record CityHourly(
    string City,
    long WindowStart,
    long WindowEnd,
    long Trips,
    double FareSum,
    double FareAvg,
    double FareMin,
    double FareMax,
    double DistanceKmSum,
    double AvgDurationS);
