using System.Text.Json;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Json;

/// <summary>JSON form of <see cref="Rejected"/>; raw key and value as base64, omitted when null.</summary>
public sealed class RejectedJsonConverter : ContractJsonConverter<Rejected>
{
    private const string Record = nameof(Rejected);

    /// <inheritdoc />
    public override Rejected ReadObject(JsonElement element)
    {
        JsonFields.RequireObject(element, Record);
        return new Rejected(
            JsonFields.RequiredString(element, Record, "source_topic"),
            JsonFields.RequiredInt(element, Record, "source_partition"),
            JsonFields.RequiredLong(element, Record, "source_offset"),
            JsonFields.RequiredString(element, Record, "reason"),
            JsonFields.RequiredString(element, Record, "detail"),
            JsonFields.OptionalBytes(element, Record, "raw_key"),
            JsonFields.OptionalBytes(element, Record, "raw_value"));
    }

    /// <inheritdoc />
    public override void WriteFields(Utf8JsonWriter writer, Rejected value)
    {
        writer.WriteString("source_topic", value.SourceTopic);
        writer.WriteNumber("source_partition", value.SourcePartition);
        writer.WriteNumber("source_offset", value.SourceOffset);
        writer.WriteString("reason", value.Reason);
        writer.WriteString("detail", value.Detail);
        if (value.RawKey is not null)
        {
            writer.WriteBase64String("raw_key", value.RawKey);
        }
        if (value.RawValue is not null)
        {
            writer.WriteBase64String("raw_value", value.RawValue);
        }
    }
}
