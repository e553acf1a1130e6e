using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="CityHourly"/>.</summary>
public sealed class CityHourlyJsonConverter : ContractJsonConverter<CityHourly>
{
    private const string Record = nameof(CityHourly);

    /// <inheritdoc />
    public override CityHourly ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new CityHourly(
            JsonFields.RequiredString(element, Record, "city"),
            JsonFields.RequiredTimestamp(element, Record, "window_start"),
            JsonFields.RequiredTimestamp(element, Record, "window_end"),
            JsonFields.RequiredLong(element, Record, "trips"),
            JsonFields.RequiredDouble(element, Record, "fare_sum"),
            JsonFields.RequiredDouble(element, Record, "fare_avg"),
            JsonFields.RequiredDouble(element, Record, "fare_min"),
            JsonFields.RequiredDouble(element, Record, "fare_max"),
            JsonFields.RequiredDouble(element, Record, "distance_km_sum"),
            JsonFields.RequiredDouble(element, Record, "avg_duration_s"));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, CityHourly value)
    {
        writer.WriteString("city", value.City);
        writer.WriteNumber("window_start", value.WindowStart);
        writer.WriteNumber("window_end", value.WindowEnd);
        writer.WriteNumber("trips", value.Trips);
        JsonFields.WriteDouble(writer, "fare_sum", value.FareSum);
        JsonFields.WriteDouble(writer, "fare_avg", value.FareAvg);
        JsonFields.WriteDouble(writer, "fare_min", value.FareMin);
        JsonFields.WriteDouble(writer, "fare_max", value.FareMax);
        JsonFields.WriteDouble(writer, "distance_km_sum", value.DistanceKmSum);
        JsonFields.WriteDouble(writer, "avg_duration_s", value.AvgDurationS);
    }
}
