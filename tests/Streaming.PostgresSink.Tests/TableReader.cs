using Npgsql;
using Streaming.Contracts.Events;

namespace Streaming.PostgresSink.Tests;

/// <summary>Reads the sink's tables back into contract records.</summary>
internal static class TableReader
{
    public static async Task<Dictionary<(string, long), CityHourly>> CityHourlyAsync(TestSchema schema)
    {
        var rows = new Dictionary<(string, long), CityHourly>();
        await foreach (var r in QueryAsync(schema, "SELECT city, window_start, window_end, trips, fare_sum, fare_avg, fare_min, fare_max, distance_km_sum, avg_duration_s FROM trip_city_hourly"))
        {
            var row = new CityHourly(r.GetString(0), Ms(r.GetDateTime(1)), Ms(r.GetDateTime(2)), r.GetInt64(3), r.GetDouble(4), r.GetDouble(5),
                r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9));
            rows.Add((row.City, row.WindowStart), row);
        }
        return rows;
    }

    public static async Task<Dictionary<string, FlaggedMessage>> FlaggedAsync(TestSchema schema)
    {
        var rows = new Dictionary<string, FlaggedMessage>();
        await foreach (var r in QueryAsync(schema, "SELECT message_id, sender_id, receiver_id, text, sent_at, matched_words FROM flagged_messages"))
        {
            var row = new FlaggedMessage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Ms(r.GetDateTime(4)), r.GetFieldValue<string[]>(5));
            rows.Add(row.MessageId, row);
        }
        return rows;
    }

    public static async Task<Dictionary<string, StrikeStatus>> StrikesAsync(TestSchema schema)
    {
        var rows = new Dictionary<string, StrikeStatus>();
        await foreach (var r in QueryAsync(schema, "SELECT sender_id, active_strikes, level, salary_multiplier, status, cooldown_until, as_of FROM sender_strike_status"))
        {
            var row = new StrikeStatus(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetDouble(3), EnumSymbols.ParseSenderStatus(r.GetString(4)),
                r.IsDBNull(5) ? null : Ms(r.GetDateTime(5)), Ms(r.GetDateTime(6)));
            rows.Add(row.SenderId, row);
        }
        return rows;
    }

    public static async Task<Dictionary<(string Topic, int Partition), long>> SinkOffsetsAsync(TestSchema schema, string sinkName)
    {
        var rows = new Dictionary<(string, int), long>();
        await foreach (var r in QueryAsync(schema, $"SELECT topic, partition, next_offset FROM sink_offsets WHERE sink = '{sinkName}'"))
        {
            rows.Add((r.GetString(0), r.GetInt32(1)), r.GetInt64(2));
        }
        return rows;
    }

    private static long Ms(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;

    private static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(TestSchema schema, string sql)
    {
        await using var connection = await schema.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return reader;
        }
    }
}
