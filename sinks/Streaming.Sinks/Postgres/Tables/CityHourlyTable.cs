using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Streaming.Contracts.Events;

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
    protected override string KeyOf(CityHourly value) =>
        value.City + "\0" + value.WindowStart.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override void CheckRanges(CityHourly value)
    {
        TimestampColumn.Check(value.WindowStart, "CityHourly.window_start");
        TimestampColumn.Check(value.WindowEnd, "CityHourly.window_end");
    }

    /// <inheritdoc />
    protected override void WriteRow(NpgsqlBinaryImporter importer, CityHourly value, long offset)
    {
        importer.Write(value.City, NpgsqlDbType.Text);
        importer.Write(TimestampColumn.Value(value.WindowStart), TimestampColumn.DbType);
        importer.Write(TimestampColumn.Value(value.WindowEnd), TimestampColumn.DbType);
        importer.Write(value.Trips, NpgsqlDbType.Bigint);
        importer.Write(value.FareSum, NpgsqlDbType.Double);
        importer.Write(value.FareAvg, NpgsqlDbType.Double);
        importer.Write(value.FareMin, NpgsqlDbType.Double);
        importer.Write(value.FareMax, NpgsqlDbType.Double);
        importer.Write(value.DistanceKmSum, NpgsqlDbType.Double);
        importer.Write(value.AvgDurationS, NpgsqlDbType.Double);
    }
}
