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
    private const long MinEpochMillis = -62_135_596_800_000;
    private const long MaxEpochMillis = 253_402_300_799_999;
    private const long PostgresEpochMillis = 946_684_800_000;

    /// <summary>Checks that <paramref name="epochMillis"/> is within years 1 to 9999; <paramref name="field"/> names it in the error.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range.</exception>
    public static void Check(long epochMillis, string field)
    {
        if (epochMillis is < MinEpochMillis or > MaxEpochMillis)
        {
            throw new ArgumentOutOfRangeException(paramName: null,
                $"{field} is {epochMillis} ms since the epoch, outside the years 1 to 9999 the sink writes to timestamptz columns ({MinEpochMillis} to {MaxEpochMillis}).");
        }
    }

    /// <summary>The value to write for <paramref name="epochMillis"/> (checked with <see cref="Check"/>).</summary>
    public static long Value(long epochMillis) => (epochMillis - PostgresEpochMillis) * 1000;
}
