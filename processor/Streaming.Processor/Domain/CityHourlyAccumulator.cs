using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>
/// The running aggregate of one city's hourly window (the value in the city-hourly store), turned into a
/// <see cref="CityHourly"/> when the window closes.
/// </summary>
/// <remarks>
/// <para>Determinism: the result depends only on the set of trips added, not on their order. Trip count and duration
/// sum are integers; min and max are order-free; fare and distance sums are exact (<see cref="ExactDoubleSum"/>) and
/// rounded once when read. Order cannot be relied on here: this accumulator runs downstream of a repartition topic
/// that several upstream tasks append to concurrently.</para>
/// <para>Derived values: fare_avg = fare_sum / trips (the rounded sum divided by the count), avg_duration_s =
/// duration_sum_ms / trips / 1000.</para>
/// </remarks>
public sealed class CityHourlyAccumulator
{
    /// <summary>An empty accumulator.</summary>
    public CityHourlyAccumulator()
        : this(0, new ExactDoubleSum(), double.PositiveInfinity, double.NegativeInfinity, new ExactDoubleSum(), 0)
    {
    }

    private CityHourlyAccumulator(long trips, ExactDoubleSum fareSum, double fareMin, double fareMax, ExactDoubleSum distanceSum, long durationSumMs)
    {
        Trips = trips;
        FareSum = fareSum;
        FareMin = fareMin;
        FareMax = fareMax;
        DistanceKmSum = distanceSum;
        DurationSumMs = durationSumMs;
    }

    /// <summary>Trips added.</summary>
    public long Trips { get; private set; }

    /// <summary>Exact sum of fares.</summary>
    public ExactDoubleSum FareSum { get; }

    /// <summary>Smallest fare; +∞ while empty.</summary>
    public double FareMin { get; private set; }

    /// <summary>Largest fare; -∞ while empty.</summary>
    public double FareMax { get; private set; }

    /// <summary>Exact sum of distances in kilometres.</summary>
    public ExactDoubleSum DistanceKmSum { get; }

    /// <summary>Sum of durations (dropoff - pickup) in milliseconds.</summary>
    public long DurationSumMs { get; private set; }

    /// <summary>Rebuilds an accumulator from its parts (for codecs).</summary>
    public static CityHourlyAccumulator FromParts(
        long trips, ExactDoubleSum fareSum, double fareMin, double fareMax, ExactDoubleSum distanceKmSum, long durationSumMs) =>
        new(trips, fareSum ?? throw new ArgumentNullException(nameof(fareSum)), fareMin, fareMax,
            distanceKmSum ?? throw new ArgumentNullException(nameof(distanceKmSum)), durationSumMs);

    /// <summary>Adds a valid trip (see <see cref="TripValidator"/>). The caller has already put it in this window and city.</summary>
    /// <exception cref="ArgumentException">The trip has a negative duration or a non-finite fare or distance; the message names the field.</exception>
    public void Add(TripEvent trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        if (trip.DropoffTs < trip.PickupTs)
        {
            throw new ArgumentException($"Trip {trip.TripId}: dropoff_ts {trip.DropoffTs} is before pickup_ts {trip.PickupTs}; validate trips before aggregating.", nameof(trip));
        }
        if (!double.IsFinite(trip.Fare) || !double.IsFinite(trip.DistanceKm))
        {
            throw new ArgumentException($"Trip {trip.TripId}: fare {trip.Fare} and distance_km {trip.DistanceKm} must be finite; validate trips before aggregating.", nameof(trip));
        }
        Trips++;
        FareSum.Add(trip.Fare);
        FareMin = Math.Min(FareMin, trip.Fare);
        FareMax = Math.Max(FareMax, trip.Fare);
        DistanceKmSum.Add(trip.DistanceKm);
        DurationSumMs = checked(DurationSumMs + (trip.DropoffTs - trip.PickupTs));
    }

    /// <summary>
    /// Adds every trip of another accumulator of the same city and window (a partial aggregate from upstream). Exact:
    /// merging partials gives the same accumulator as adding their trips one by one, in any grouping or order.
    /// </summary>
    public void Merge(CityHourlyAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Trips = checked(Trips + other.Trips);
        FareSum.Add(other.FareSum);
        FareMin = Math.Min(FareMin, other.FareMin);
        FareMax = Math.Max(FareMax, other.FareMax);
        DistanceKmSum.Add(other.DistanceKmSum);
        DurationSumMs = checked(DurationSumMs + other.DurationSumMs);
    }

    /// <summary>The final aggregate of the window.</summary>
    /// <exception cref="InvalidOperationException">No trip was added: an empty window has no aggregate.</exception>
    public CityHourly ToCityHourly(string city, HourlyWindow window)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (Trips == 0)
        {
            throw new InvalidOperationException($"The window {CityHourlyKeys.WindowKey(city, window.Start)} has no trips; an empty window has no aggregate.");
        }
        var fareSum = FareSum.ToDouble();
        return new CityHourly(
            city,
            window.Start,
            window.End,
            Trips,
            fareSum,
            fareSum / Trips,
            FareMin,
            FareMax,
            DistanceKmSum.ToDouble(),
            (double)DurationSumMs / Trips / 1000.0);
    }
}
