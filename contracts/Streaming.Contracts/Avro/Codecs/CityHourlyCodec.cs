using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="CityHourly"/> (schema streaming.CityHourly).</summary>
public sealed class CityHourlyCodec : AvroCodec<CityHourly>
{
    /// <summary>The shared instance.</summary>
    public static CityHourlyCodec Instance { get; } = new();

    private CityHourlyCodec()
        : base(AvroSchemaFiles.CityHourly)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, CityHourly value)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteString(Required(value.City, "CityHourly.city"));
        writer.WriteLong(value.WindowStart);
        writer.WriteLong(value.WindowEnd);
        writer.WriteLong(value.Trips);
        writer.WriteDouble(value.FareSum);
        writer.WriteDouble(value.FareAvg);
        writer.WriteDouble(value.FareMin);
        writer.WriteDouble(value.FareMax);
        writer.WriteDouble(value.DistanceKmSum);
        writer.WriteDouble(value.AvgDurationS);
    }

    /// <inheritdoc />
    public override CityHourly Read(ref AvroReader reader) =>
        new(
            reader.ReadString("CityHourly.city"),
            reader.ReadLong("CityHourly.window_start"),
            reader.ReadLong("CityHourly.window_end"),
            reader.ReadLong("CityHourly.trips"),
            reader.ReadDouble("CityHourly.fare_sum"),
            reader.ReadDouble("CityHourly.fare_avg"),
            reader.ReadDouble("CityHourly.fare_min"),
            reader.ReadDouble("CityHourly.fare_max"),
            reader.ReadDouble("CityHourly.distance_km_sum"),
            reader.ReadDouble("CityHourly.avg_duration_s"));
}
