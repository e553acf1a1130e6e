using Streaming.Parquet;

namespace Streaming.Bench.Parquet;

/// <summary>Writes <see cref="TripRows"/> with our Parquet writer, through the typed, non-boxing setters a sink would use.</summary>
internal static class TripParquetWriter
{
    public static ParquetSchema Schema { get; } = new(
        new ParquetColumn("trip_id", ParquetColumnType.String),
        new ParquetColumn("city", ParquetColumnType.String),
        new ParquetColumn("pickup_ts", ParquetColumnType.TimestampMillis),
        new ParquetColumn("dropoff_ts", ParquetColumnType.TimestampMillis),
        new ParquetColumn("distance_km", ParquetColumnType.Double),
        new ParquetColumn("fare", ParquetColumnType.Double),
        new ParquetColumn("driver_id", ParquetColumnType.String, Optional: true),
        new ParquetColumn("rider_id", ParquetColumnType.String, Optional: true),
        new ParquetColumn("payment_type", ParquetColumnType.String, Optional: true));

    public static async Task<long> WriteAsync(TripRows rows, string path)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var writer = new ParquetFileWriter(stream, Schema, new ParquetWriterOptions { Compression = ParquetCompression.Snappy });
        for (var i = 0; i < rows.Count; i++)
        {
            writer.SetString(0, rows.TripId[i]);
            writer.SetString(1, rows.City[i]);
            writer.SetInt64(2, rows.PickupMillis[i]);
            writer.SetInt64(3, rows.DropoffMillis[i]);
            writer.SetDouble(4, rows.DistanceKm[i]);
            writer.SetDouble(5, rows.Fare[i]);
            writer.SetString(6, rows.DriverId[i]);
            writer.SetString(7, rows.RiderId[i]);
            writer.SetString(8, rows.PaymentType[i]);
            await writer.EndRowAsync();
        }
        await writer.CompleteAsync();
        return writer.BytesWritten;
    }
}
