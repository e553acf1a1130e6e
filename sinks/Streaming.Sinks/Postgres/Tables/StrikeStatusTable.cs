using Npgsql;
using NpgsqlTypes;
using Streaming.Contracts.Events;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// <c>sender_strike_status</c> from <see cref="StrikeStatus"/>: one row per sender holding the latest status by
/// (as_of, source offset), so a replayed older status never overwrites a newer one.
/// </summary>
internal sealed class StrikeStatusTable : UpsertTable<StrikeStatus>
{
    /// <inheritdoc />
    public override string Name => "sender_strike_status";

    /// <inheritdoc />
    protected override string TempColumns =>
        "sender_id text, active_strikes integer, level integer, salary_multiplier double precision, status text, "
        + "cooldown_until timestamptz, as_of timestamptz, source_offset bigint";

    /// <inheritdoc />
    protected override string CopyColumns =>
        "sender_id, active_strikes, level, salary_multiplier, status, cooldown_until, as_of, source_offset";

    /// <inheritdoc />
    protected override string UpsertSql => $"""
        INSERT INTO sender_strike_status ({CopyColumns})
        SELECT {CopyColumns} FROM {TempName}
        ON CONFLICT (sender_id) DO UPDATE SET
            active_strikes = EXCLUDED.active_strikes, level = EXCLUDED.level, salary_multiplier = EXCLUDED.salary_multiplier,
            status = EXCLUDED.status, cooldown_until = EXCLUDED.cooldown_until, as_of = EXCLUDED.as_of,
            source_offset = EXCLUDED.source_offset
        WHERE (sender_strike_status.as_of, sender_strike_status.source_offset) < (EXCLUDED.as_of, EXCLUDED.source_offset)
        """;

    /// <summary>The later status by (as_of, offset) wins, not the later record.</summary>
    protected override bool Supersedes(in BufferedRow candidate, in BufferedRow current) =>
        (candidate.Order, candidate.Offset).CompareTo((current.Order, current.Offset)) > 0;

    /// <inheritdoc />
    protected override string KeyOf(StrikeStatus value) => value.SenderId;

    /// <inheritdoc />
    protected override long OrderOf(StrikeStatus value) => value.AsOf;

    /// <inheritdoc />
    protected override void CheckRanges(StrikeStatus value)
    {
        if (value.CooldownUntil is { } cooldown)
        {
            TimestampColumn.Check(cooldown, "StrikeStatus.cooldown_until");
        }
        TimestampColumn.Check(value.AsOf, "StrikeStatus.as_of");
    }

    /// <inheritdoc />
    protected override void WriteRow(NpgsqlBinaryImporter importer, StrikeStatus value, long offset)
    {
        importer.Write(value.SenderId, NpgsqlDbType.Text);
        importer.Write(value.ActiveStrikes, NpgsqlDbType.Integer);
        importer.Write(value.Level, NpgsqlDbType.Integer);
        importer.Write(value.SalaryMultiplier, NpgsqlDbType.Double);
        importer.Write(value.Status.ToSymbol(), NpgsqlDbType.Text);
        if (value.CooldownUntil is { } cooldown)
        {
            importer.Write(TimestampColumn.Value(cooldown), TimestampColumn.DbType);
        }
        else
        {
            importer.WriteNull();
        }
        importer.Write(TimestampColumn.Value(value.AsOf), TimestampColumn.DbType);
        importer.Write(offset, NpgsqlDbType.Bigint);
    }
}
