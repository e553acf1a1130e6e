namespace Streaming.Contracts.Events;

/// <summary>A taxi-style trip (topics <c>trips</c> and <c>trips.clean</c>). Event time is <see cref="PickupTs"/>.</summary>
/// <param name="TripId">Trip id; the record key and the deduplication id.</param>
/// <param name="City">City the trip started in; the aggregation key of <c>trips.city-hourly</c>.</param>
/// <param name="PickupTs">Pickup time, UTC epoch milliseconds (event time).</param>
/// <param name="DropoffTs">Dropoff time, UTC epoch milliseconds.</param>
/// <param name="DistanceKm">Distance in kilometres.</param>
/// <param name="Fare">Fare in the local currency.</param>
/// <param name="DriverId">Optional driver id.</param>
/// <param name="RiderId">Optional rider id.</param>
/// <param name="PaymentType">Optional payment type (for example <c>card</c>, <c>cash</c>).</param>
public sealed record TripEvent(
    string TripId,
    string City,
    long PickupTs,
    long DropoffTs,
    double DistanceKm,
    double Fare,
    string? DriverId = null,
    string? RiderId = null,
    string? PaymentType = null);
