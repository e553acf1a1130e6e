using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="TripEvent"/>.</summary>
public sealed class TripEventJsonConverter : ContractJsonConverter<TripEvent>
{
    private const string Record = nameof(TripEvent);

    /// <inheritdoc />
    public override TripEvent ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new TripEvent(
            JsonFields.RequiredString(element, Record, "trip_id"),
            JsonFields.RequiredString(element, Record, "city"),
            JsonFields.RequiredTimestamp(element, Record, "pickup_ts"),
            JsonFields.RequiredTimestamp(element, Record, "dropoff_ts"),
            JsonFields.RequiredDouble(element, Record, "distance_km"),
            JsonFields.RequiredDouble(element, Record, "fare"),
            JsonFields.OptionalString(element, Record, "driver_id"),
            JsonFields.OptionalString(element, Record, "rider_id"),
            JsonFields.OptionalString(element, Record, "payment_type"));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, TripEvent value)
    {
        writer.WriteString("trip_id", value.TripId);
        writer.WriteString("city", value.City);
        writer.WriteNumber("pickup_ts", value.PickupTs);
        writer.WriteNumber("dropoff_ts", value.DropoffTs);
        JsonFields.WriteDouble(writer, "distance_km", value.DistanceKm);
        JsonFields.WriteDouble(writer, "fare", value.Fare);
        JsonFields.WriteOptionalString(writer, "driver_id", value.DriverId);
        JsonFields.WriteOptionalString(writer, "rider_id", value.RiderId);
        JsonFields.WriteOptionalString(writer, "payment_type", value.PaymentType);
    }
}
