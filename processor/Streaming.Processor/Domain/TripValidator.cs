using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>
/// Validates a decoded trip (DESIGN §4, Validation). Call it before the partition's stream time is advanced by the trip:
/// a rejected record must never advance stream time.
/// </summary>
/// <remarks>
/// Checks run in a fixed order and the first failure wins: missing fields (trip_id, city), negative_duration,
/// duration_too_long, negative_distance, negative_fare, future_timestamp. distance_km or fare that is NaN or infinite
/// fails as negative_distance or negative_fare: the contract has no separate code, and such a value would poison the
/// hourly sums.
/// </remarks>
public sealed class TripValidator
{
    /// <summary>The longest trip accepted: dropoff - pickup ≤ 24 h.</summary>
    public const long MaxDurationMs = 24L * 60 * 60 * 1000;

    private readonly long _futureToleranceMs;

    /// <summary>Creates a validator with the future tolerance of <paramref name="options"/>.</summary>
    public TripValidator(ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _futureToleranceMs = options.FutureToleranceMs;
    }

    /// <summary>Validates a trip.</summary>
    /// <param name="trip">The decoded trip.</param>
    /// <param name="partitionStreamTime">
    /// The source partition's stream time before this trip, or null when the partition has none yet (its first accepted
    /// record): then the future check is skipped.
    /// </param>
    /// <returns>Null when the trip is valid, else the first failure.</returns>
    public ValidationFailure? Validate(TripEvent trip, long? partitionStreamTime)
    {
        ArgumentNullException.ThrowIfNull(trip);
        if (ValidationText.IsMissing(trip.TripId))
        {
            return new ValidationFailure(RejectReasons.MissingField, ValidationText.Missing("trip_id", trip.TripId));
        }
        if (ValidationText.IsMissing(trip.City))
        {
            return new ValidationFailure(RejectReasons.MissingField, ValidationText.Missing("city", trip.City));
        }
        if (trip.DropoffTs < trip.PickupTs)
        {
            return new ValidationFailure(
                RejectReasons.NegativeDuration,
                $"dropoff_ts {ValidationText.Time(trip.DropoffTs)} is before pickup_ts {ValidationText.Time(trip.PickupTs)}.");
        }
        var duration = trip.DropoffTs - trip.PickupTs;
        // The subtraction overflows to a negative number only when dropoff is far beyond any real trip.
        if (duration > MaxDurationMs || duration < 0)
        {
            return new ValidationFailure(
                RejectReasons.DurationTooLong,
                $"trip lasts {(duration < 0 ? "more than 2^63" : duration.ToString(System.Globalization.CultureInfo.InvariantCulture))} ms (dropoff_ts - pickup_ts), more than 24 h ({MaxDurationMs} ms).");
        }
        if (!double.IsFinite(trip.DistanceKm) || trip.DistanceKm < 0)
        {
            return new ValidationFailure(
                RejectReasons.NegativeDistance,
                $"distance_km is {ValidationText.Number(trip.DistanceKm)}; expected a finite number ≥ 0.");
        }
        if (!double.IsFinite(trip.Fare) || trip.Fare < 0)
        {
            return new ValidationFailure(
                RejectReasons.NegativeFare,
                $"fare is {ValidationText.Number(trip.Fare)}; expected a finite number ≥ 0.");
        }
        return ValidationText.CheckFuture("pickup_ts", trip.PickupTs, partitionStreamTime, _futureToleranceMs);
    }
}
