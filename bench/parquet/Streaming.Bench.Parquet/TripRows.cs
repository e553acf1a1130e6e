using System.Globalization;
using System.Text;
using Streaming.Contracts.Events;
using Streaming.Sinks.Delivery;

namespace Streaming.Bench.Parquet;

/// <summary>Deterministic trip-like rows, held column by column so generating them is not part of any timing.</summary>
internal sealed class TripRows
{
    private static readonly string[] s_cities = ["Amsterdam", "Berlin", "Chennai", "Dakar", "Lisbon", "São Paulo", "Tokyo", "Zürich"];
    private static readonly string[] s_payments = ["card", "cash", "wallet", "corporate"];

    private TripRows(int count)
    {
        Count = count;
        TripId = new string[count];
        City = new string[count];
        PickupMillis = new long[count];
        DropoffMillis = new long[count];
        DistanceKm = new double[count];
        Fare = new double[count];
        DriverId = new string?[count];
        RiderId = new string?[count];
        PaymentType = new string?[count];
    }

    public int Count { get; }
    public string[] TripId { get; }
    public string[] City { get; }
    public long[] PickupMillis { get; }
    public long[] DropoffMillis { get; }
    public double[] DistanceKm { get; }
    public double[] Fare { get; }
    public string?[] DriverId { get; }
    public string?[] RiderId { get; }
    public string?[] PaymentType { get; }

    /// <summary>Rows <paramref name="stepMillis"/> apart in pickup time (plus up to a minute of jitter).</summary>
    public static TripRows Generate(int count, int seed, long stepMillis = 2_600)
    {
        var rows = new TripRows(count);
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(id);
            rows.TripId[i] = new Guid(id).ToString();
            rows.City[i] = s_cities[random.Next(s_cities.Length)];
            var pickup = start + (i * stepMillis) + random.Next(0, 60_000);
            rows.PickupMillis[i] = pickup;
            rows.DropoffMillis[i] = pickup + random.Next(3 * 60_000, 60 * 60_000);
            var distance = Math.Round(0.5 + random.NextDouble() * 29.5, 2);
            rows.DistanceKm[i] = distance;
            rows.Fare[i] = Math.Round(2.5 + distance * 1.2 + random.NextDouble() * 4, 2);
            rows.DriverId[i] = random.Next(20) == 0 ? null : $"drv-{random.Next(5_000):D5}";
            rows.RiderId[i] = random.Next(10) == 0 ? null : $"rdr-{random.Next(200_000):D6}";
            rows.PaymentType[i] = random.Next(50) == 0 ? null : s_payments[random.Next(s_payments.Length)];
        }
        return rows;
    }

    /// <summary>The rows as the sink receives them: decoded TripEvents of one partition, offsets 0..Count-1.</summary>
    public List<SinkRecord> ToSinkRecords(string topic) =>
        Enumerable.Range(0, Count).Select(i => new SinkRecord(topic, 0, i, PickupMillis[i], null, [],
            new TripEvent(TripId[i], City[i], PickupMillis[i], DropoffMillis[i], DistanceKm[i], Fare[i], DriverId[i], RiderId[i], PaymentType[i]))).ToList();

    /// <summary>Writes the rows as CSV for DuckDB to load (timestamps as epoch milliseconds, null as an empty field).</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("trip_id,city,pickup_ms,dropoff_ms,distance_km,fare,driver_id,rider_id,payment_type\n");
        for (var i = 0; i < Count; i++)
        {
            writer.Write(TripId[i]);
            writer.Write(',');
            writer.Write(City[i]);
            writer.Write(',');
            writer.Write(PickupMillis[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(DropoffMillis[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(DistanceKm[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Fare[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(DriverId[i]);
            writer.Write(',');
            writer.Write(RiderId[i]);
            writer.Write(',');
            writer.Write(PaymentType[i]);
            writer.Write('\n');
        }
    }
}
