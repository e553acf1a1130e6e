using Parquet;
using Parquet.Schema;
using Streaming.Sinks.S3;

namespace Streaming.Bench.Parquet;

/// <summary>
/// A lever, not the sink: Parquet.Net fed the rows' ready-made column arrays in row groups of a fixed row count, with the
/// sink's schema and options. The gap to the sink's writer is the cost of buffering row by row.
/// </summary>
internal static class ColumnArrayWriter
{
    public static async Task<long> WriteAsync(TripRows rows, string path, ParquetOptions options, int rowsPerGroup)
    {
        var schema = ParquetTableMappings.ForTopic("trips.clean")!.Schema;
        var fields = schema.DataFields;
        var pickup = rows.PickupMillis.Select(ms => DateTime.UnixEpoch.AddMilliseconds(ms)).ToArray();
        var dropoff = rows.DropoffMillis.Select(ms => DateTime.UnixEpoch.AddMilliseconds(ms)).ToArray();
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, options);
            for (var start = 0; start < rows.Count; start += rowsPerGroup)
            {
                var n = Math.Min(rowsPerGroup, rows.Count - start);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], new ArraySegment<string?>(rows.TripId, start, n));
                await group.WriteAsync(fields[1], new ArraySegment<string?>(rows.City, start, n));
                await group.WriteAsync<DateTime>(fields[2], new ReadOnlyMemory<DateTime>(pickup, start, n));
                await group.WriteAsync<DateTime>(fields[3], new ReadOnlyMemory<DateTime>(dropoff, start, n));
                await group.WriteAsync<double>(fields[4], new ReadOnlyMemory<double>(rows.DistanceKm, start, n));
                await group.WriteAsync<double>(fields[5], new ReadOnlyMemory<double>(rows.Fare, start, n));
                await group.WriteAsync(fields[6], new ArraySegment<string?>(rows.DriverId, start, n));
                await group.WriteAsync(fields[7], new ArraySegment<string?>(rows.RiderId, start, n));
                await group.WriteAsync(fields[8], new ArraySegment<string?>(rows.PaymentType, start, n));
                group.CompleteValidate();
            }
        }
        return new FileInfo(path).Length;
    }
}
