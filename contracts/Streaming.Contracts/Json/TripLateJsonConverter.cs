using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="TripLate"/>: the trip as a nested object, reason as its Avro symbol.</summary>
public sealed class TripLateJsonConverter : ContractJsonConverter<TripLate>
{
    private const string Record = nameof(TripLate);
    private static readonly TripEventJsonConverter s_trip = new();

    /// <inheritdoc />
    public override TripLate ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new TripLate(
            s_trip.ReadObject(JsonFields.RequiredObject(element, Record, "trip")),
            JsonFields.RequiredTimestamp(element, Record, "watermark_at_arrival"),
            LateReasonJson.Read(element, Record));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, TripLate value)
    {
        writer.WritePropertyName("trip");
        s_trip.Write(writer, value.Trip, StreamingJson.Options);
        writer.WriteNumber("watermark_at_arrival", value.WatermarkAtArrival);
        writer.WriteString("reason", value.Reason.ToSymbol());
    }
}
