using System.Text;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Sinks.Postgres.Copy;

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

    /// <inheritdoc />
    protected override string RecordName => "streaming.StrikeStatus";

    /// <inheritdoc />
    protected override AvroCodec<StrikeStatus> Codec => AvroCodecs.StrikeStatus;

    /// <summary>The later status by (as_of, offset) wins, not the later record.</summary>
    protected override bool Supersedes(in BufferedRow candidate, in BufferedRow current) =>
        (candidate.Order, candidate.Offset).CompareTo((current.Order, current.Offset)) > 0;

    /// <inheritdoc />
    protected override RowKey TranscodeRow(ref AvroReader reader, long offset, CopyRowBuffer rows)
    {
        rows.StartRow(8);
        var senderId = reader.ReadBytesSpan("StrikeStatus.sender_id");
        rows.WriteText(senderId);
        rows.WriteInt32(reader.ReadInt("StrikeStatus.active_strikes"));
        rows.WriteInt32(reader.ReadInt("StrikeStatus.level"));
        rows.WriteFloat8(reader.ReadDouble("StrikeStatus.salary_multiplier"));
        rows.WriteText(((SenderStatus)reader.ReadEnum("StrikeStatus.status", 2)).ToSymbol());
        if (reader.ReadUnionIndex("StrikeStatus.cooldown_until", 2) == 0)
        {
            rows.WriteNull();
        }
        else
        {
            rows.WriteTimestampTz(reader.ReadLong("StrikeStatus.cooldown_until"), "StrikeStatus.cooldown_until");
        }
        var asOf = reader.ReadLong("StrikeStatus.as_of");
        rows.WriteTimestampTz(asOf, "StrikeStatus.as_of");
        rows.WriteInt64(offset);
        return new RowKey(Encoding.UTF8.GetString(senderId), asOf);
    }
}
