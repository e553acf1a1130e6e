using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="TripEvent"/> (schema streaming.TripEvent).</summary>
public sealed class TripEventCodec : AvroCodec<TripEvent>
{
    // Declared first: the static initializers below run in textual order.
    private static readonly string[] s_fieldNames = ["trip_id", "city", "pickup_ts", "dropoff_ts", "distance_km", "fare", "driver_id", "rider_id", "payment_type"];

    /// <summary>Field paths for messages, when the record is the top-level value.</summary>
    internal static readonly string[] TopLevelFields = FieldPaths("TripEvent");

    /// <summary>Field paths for messages, when the record is nested in TripLate.</summary>
    internal static readonly string[] NestedFields = FieldPaths("TripLate.trip");

    /// <summary>The shared instance.</summary>
    public static TripEventCodec Instance { get; } = new();

    private TripEventCodec()
        : base(AvroSchemaFiles.TripEvent)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, TripEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteFields(writer, value, TopLevelFields);
    }

    /// <inheritdoc />
    public override TripEvent Read(ref AvroReader reader) => ReadFields(ref reader, TopLevelFields);

    internal static void WriteFields(AvroWriter writer, TripEvent value, string[] path)
    {
        writer.WriteString(Required(value.TripId, path[0]));
        writer.WriteString(Required(value.City, path[1]));
        writer.WriteLong(value.PickupTs);
        writer.WriteLong(value.DropoffTs);
        writer.WriteDouble(value.DistanceKm);
        writer.WriteDouble(value.Fare);
        WriteOptionalString(writer, value.DriverId);
        WriteOptionalString(writer, value.RiderId);
        WriteOptionalString(writer, value.PaymentType);
    }

    internal static TripEvent ReadFields(ref AvroReader reader, string[] path) =>
        new(
            reader.ReadString(path[0]),
            reader.ReadString(path[1]),
            reader.ReadLong(path[2]),
            reader.ReadLong(path[3]),
            reader.ReadDouble(path[4]),
            reader.ReadDouble(path[5]),
            ReadOptionalString(ref reader, path[6]),
            ReadOptionalString(ref reader, path[7]),
            ReadOptionalString(ref reader, path[8]));

    private static string[] FieldPaths(string prefix) => Array.ConvertAll(s_fieldNames, name => prefix + "." + name);
}
