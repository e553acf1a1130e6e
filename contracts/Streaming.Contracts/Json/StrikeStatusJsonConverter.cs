using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="StrikeStatus"/>; status is the Avro symbol (ACTIVE/INACTIVE).</summary>
public sealed class StrikeStatusJsonConverter : ContractJsonConverter<StrikeStatus>
{
    private const string Record = nameof(StrikeStatus);

    /// <inheritdoc />
    public override StrikeStatus ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        var statusText = JsonFields.RequiredString(element, Record, "status");
        SenderStatus status;
        try
        {
            status = EnumSymbols.ParseSenderStatus(statusText);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"{Record} field 'status': {ex.Message}", ex);
        }
        return new StrikeStatus(
            JsonFields.RequiredString(element, Record, "sender_id"),
            JsonFields.RequiredInt(element, Record, "active_strikes"),
            JsonFields.RequiredInt(element, Record, "level"),
            JsonFields.RequiredDouble(element, Record, "salary_multiplier"),
            status,
            JsonFields.OptionalTimestamp(element, Record, "cooldown_until"),
            JsonFields.RequiredTimestamp(element, Record, "as_of"));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, StrikeStatus value)
    {
        writer.WriteString("sender_id", value.SenderId);
        writer.WriteNumber("active_strikes", value.ActiveStrikes);
        writer.WriteNumber("level", value.Level);
        JsonFields.WriteDouble(writer, "salary_multiplier", value.SalaryMultiplier);
        writer.WriteString("status", value.Status.ToSymbol());
        if (value.CooldownUntil is { } cooldown)
        {
            writer.WriteNumber("cooldown_until", cooldown);
        }
        writer.WriteNumber("as_of", value.AsOf);
    }
}
