using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;

namespace Streaming.Sinks.S3;

/// <summary>
/// Avro <c>timestamp-millis</c> (UTC epoch milliseconds) as the <see cref="DateTime"/> Parquet.Net writes to an INT64
/// TIMESTAMP(MILLIS, UTC) column. Parquet.Net takes only DateTime values, so the range is DateTime's: years 1 to 9999.
/// </summary>
public static class ParquetTimestamp
{
    /// <summary>0001-01-01T00:00:00.000Z in epoch milliseconds.</summary>
    public static readonly long MinEpochMillis = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>9999-12-31T23:59:59.999Z in epoch milliseconds.</summary>
    public static readonly long MaxEpochMillis = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>The UTC DateTime of <paramref name="epochMillis"/>.</summary>
    /// <exception cref="RecordDecodeException">Outside years 1 to 9999; the message names <paramref name="field"/> and the value.</exception>
    public static DateTime FromEpochMillis(long epochMillis, string field)
    {
        if (epochMillis < MinEpochMillis || epochMillis > MaxEpochMillis)
        {
            throw new RecordDecodeException(RejectReasons.Undecodable,
                $"{field} is {epochMillis} ms since the epoch, outside the years 1 to 9999 a Parquet timestamp column holds here ({MinEpochMillis} to {MaxEpochMillis}).");
        }
        return new DateTime(DateTime.UnixEpoch.Ticks + (epochMillis * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
