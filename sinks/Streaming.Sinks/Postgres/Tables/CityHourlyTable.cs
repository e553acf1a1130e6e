using System.Globalization;
using System.Text;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Sinks.Postgres.Copy;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary><c>trip_city_hourly</c> from <see cref="CityHourly"/>; last write wins (each window is emitted once anyway).</summary>
internal sealed class CityHourlyTable : UpsertTable<CityHourly>
{
    /// <inheritdoc />
    public override string Name => "trip_city_hourly";

    /// <inheritdoc />
    protected override string TempColumns =>
        "city text, window_start timestamptz, window_end timestamptz, trips bigint, fare_sum double precision, fare_avg double precision, "
        + "fare_min double precision, fare_max double precision, distance_km_sum double precision, avg_duration_s double precision";

    /// <inheritdoc />
    protected override string CopyColumns =>
        "city, window_start, window_end, trips, fare_sum, fare_avg, fare_min, fare_max, distance_km_sum, avg_duration_s";

    /// <inheritdoc />
    protected override string UpsertSql => $"""
        INSERT INTO trip_city_hourly ({CopyColumns})
        SELECT {CopyColumns} FROM {TempName}
        ON CONFLICT (city, window_start) DO UPDATE SET
            window_end = EXCLUDED.window_end, trips = EXCLUDED.trips, fare_sum = EXCLUDED.fare_sum, fare_avg = EXCLUDED.fare_avg,
            fare_min = EXCLUDED.fare_min, fare_max = EXCLUDED.fare_max, distance_km_sum = EXCLUDED.distance_km_sum,
            avg_duration_s = EXCLUDED.avg_duration_s
        """;

    /// <inheritdoc />
    protected override string RecordName => "streaming.CityHourly";

    /// <inheritdoc />
    protected override AvroCodec<CityHourly> Codec => AvroCodecs.CityHourly;

    /// <inheritdoc />
    protected override RowKey TranscodeRow(ref AvroReader reader, long offset, CopyRowBuffer rows)
    {
        rows.StartRow(10);
        var city = reader.ReadBytesSpan("CityHourly.city");
        rows.WriteText(city);
        var windowStart = reader.ReadLong("CityHourly.window_start");
        rows.WriteTimestampTz(windowStart, "CityHourly.window_start");
        rows.WriteTimestampTz(reader.ReadLong("CityHourly.window_end"), "CityHourly.window_end");
        rows.WriteInt64(reader.ReadLong("CityHourly.trips"));
        rows.WriteFloat8(reader.ReadDouble("CityHourly.fare_sum"));
        rows.WriteFloat8(reader.ReadDouble("CityHourly.fare_avg"));
        rows.WriteFloat8(reader.ReadDouble("CityHourly.fare_min"));
        rows.WriteFloat8(reader.ReadDouble("CityHourly.fare_max"));
        rows.WriteFloat8(reader.ReadDouble("CityHourly.distance_km_sum"));
        rows.WriteFloat8(reader.ReadDouble("CityHourly.avg_duration_s"));
        return Key(Encoding.UTF8.GetString(city), windowStart);
    }

    private static RowKey Key(string city, long windowStart) =>
        new(city + "\0" + windowStart.ToString(CultureInfo.InvariantCulture));
}
