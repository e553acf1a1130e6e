using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="TripEvent"/> ↔ <see cref="streaming.TripEvent"/>.</summary>
public sealed class TripEventMapping : IAvroRecordMapping<TripEvent, streaming.TripEvent>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static TripEventMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.TripEvent ToRecord(TripEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            trip_id = value.TripId,
            city = value.City,
            pickup_ts = value.PickupTs,
            dropoff_ts = value.DropoffTs,
            distance_km = value.DistanceKm,
            fare = value.Fare,
            driver_id = value.DriverId,
            rider_id = value.RiderId,
            payment_type = value.PaymentType,
        };
    }

    /// <inheritdoc />
    public TripEvent FromRecord(streaming.TripEvent record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.trip_id, record.city, record.pickup_ts, record.dropoff_ts, record.distance_km, record.fare,
            record.driver_id, record.rider_id, record.payment_type);
    }
}
