using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="CityHourly"/> ↔ <see cref="streaming.CityHourly"/>.</summary>
public sealed class CityHourlyMapping : IAvroRecordMapping<CityHourly, streaming.CityHourly>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static CityHourlyMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.CityHourly ToRecord(CityHourly value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            city = value.City,
            window_start = value.WindowStart,
            window_end = value.WindowEnd,
            trips = value.Trips,
            fare_sum = value.FareSum,
            fare_avg = value.FareAvg,
            fare_min = value.FareMin,
            fare_max = value.FareMax,
            distance_km_sum = value.DistanceKmSum,
            avg_duration_s = value.AvgDurationS,
        };
    }

    /// <inheritdoc />
    public CityHourly FromRecord(streaming.CityHourly record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.city, record.window_start, record.window_end, record.trips, record.fare_sum, record.fare_avg,
            record.fare_min, record.fare_max, record.distance_km_sum, record.avg_duration_s);
    }
}
