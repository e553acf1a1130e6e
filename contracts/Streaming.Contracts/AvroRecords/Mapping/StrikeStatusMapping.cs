using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="StrikeStatus"/> ↔ <see cref="streaming.StrikeStatus"/>.</summary>
public sealed class StrikeStatusMapping : IAvroRecordMapping<StrikeStatus, streaming.StrikeStatus>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static StrikeStatusMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.StrikeStatus ToRecord(StrikeStatus value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            sender_id = value.SenderId,
            active_strikes = value.ActiveStrikes,
            level = value.Level,
            salary_multiplier = value.SalaryMultiplier,
            status = AvroEnumMapping.ToRecord(value.Status),
            cooldown_until = value.CooldownUntil,
            as_of = value.AsOf,
        };
    }

    /// <inheritdoc />
    public StrikeStatus FromRecord(streaming.StrikeStatus record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.sender_id, record.active_strikes, record.level, record.salary_multiplier,
            AvroEnumMapping.FromRecord(record.status), record.cooldown_until, record.as_of);
    }
}
