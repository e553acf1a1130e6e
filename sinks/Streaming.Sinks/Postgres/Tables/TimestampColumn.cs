using NpgsqlTypes;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// A timestamptz column fed UTC epoch milliseconds. Values are handed to Npgsql as its raw timestamptz form (a
/// <see cref="long"/> of microseconds since 2000-01-01 UTC) rather than as <see cref="DateTime"/>, because Npgsql maps
/// <see cref="DateTime.MinValue"/> to <c>-infinity</c>, and year 1 is a real instant here.
/// </summary>
internal static class TimestampColumn
{
    /// <summary>The column type to pass with <see cref="Value"/>.</summary>
    public const NpgsqlDbType DbType = NpgsqlDbType.TimestampTz;

    // DateTime's range, the range the sink has always accepted: years 1 to 9999.
    private static readonly long s_minEpochMillis = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long s_maxEpochMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly long s_postgresEpochMillis = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Checks that <paramref name="epochMillis"/> is within years 1 to 9999; <paramref name="field"/> names it in the error.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range.</exception>
    public static void Check(long epochMillis, string field)
    {
        if (epochMillis < s_minEpochMillis || epochMillis > s_maxEpochMillis)
        {
            throw new ArgumentOutOfRangeException(paramName: null,
                $"{field} is {epochMillis} ms since the epoch, outside the years 1 to 9999 the sink writes to timestamptz columns ({s_minEpochMillis} to {s_maxEpochMillis}).");
        }
    }

    /// <summary>The value to write for <paramref name="epochMillis"/> (checked with <see cref="Check"/>).</summary>
    public static long Value(long epochMillis) => (epochMillis - s_postgresEpochMillis) * 1000;
}
