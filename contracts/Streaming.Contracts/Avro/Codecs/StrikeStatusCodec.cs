using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="StrikeStatus"/> (schema streaming.StrikeStatus).</summary>
public sealed class StrikeStatusCodec : AvroCodec<StrikeStatus>
{
    /// <summary>The shared instance.</summary>
    public static StrikeStatusCodec Instance { get; } = new();

    private StrikeStatusCodec()
        : base(AvroSchemaFiles.StrikeStatus)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, StrikeStatus value)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteString(Required(value.SenderId, "StrikeStatus.sender_id"));
        writer.WriteInt(value.ActiveStrikes);
        writer.WriteInt(value.Level);
        writer.WriteDouble(value.SalaryMultiplier);
        if (value.Status is not (SenderStatus.Active or SenderStatus.Inactive))
        {
            throw new AvroException($"StrikeStatus.status has undefined value {(int)value.Status}.");
        }
        writer.WriteEnum((int)value.Status);
        if (value.CooldownUntil is { } cooldown)
        {
            writer.WriteUnionIndex(1);
            writer.WriteLong(cooldown);
        }
        else
        {
            writer.WriteUnionIndex(0);
        }
        writer.WriteLong(value.AsOf);
    }

    /// <inheritdoc />
    public override StrikeStatus Read(ref AvroReader reader) =>
        new(
            reader.ReadString("StrikeStatus.sender_id"),
            reader.ReadInt("StrikeStatus.active_strikes"),
            reader.ReadInt("StrikeStatus.level"),
            reader.ReadDouble("StrikeStatus.salary_multiplier"),
            (SenderStatus)reader.ReadEnum("StrikeStatus.status", 2),
            reader.ReadUnionIndex("StrikeStatus.cooldown_until", 2) == 0 ? null : reader.ReadLong("StrikeStatus.cooldown_until"),
            reader.ReadLong("StrikeStatus.as_of"));
}
