using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="Rejected"/> (schema streaming.Rejected).</summary>
public sealed class RejectedCodec : AvroCodec<Rejected>
{
    /// <summary>The shared instance.</summary>
    public static RejectedCodec Instance { get; } = new();

    private RejectedCodec()
        : base(AvroSchemaFiles.Rejected)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, Rejected value)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteString(Required(value.SourceTopic, "Rejected.source_topic"));
        writer.WriteInt(value.SourcePartition);
        writer.WriteLong(value.SourceOffset);
        writer.WriteString(Required(value.Reason, "Rejected.reason"));
        writer.WriteString(Required(value.Detail, "Rejected.detail"));
        WriteOptionalBytes(writer, value.RawKey);
        WriteOptionalBytes(writer, value.RawValue);
    }

    /// <inheritdoc />
    public override Rejected Read(ref AvroReader reader) =>
        new(
            reader.ReadString("Rejected.source_topic"),
            reader.ReadInt("Rejected.source_partition"),
            reader.ReadLong("Rejected.source_offset"),
            reader.ReadString("Rejected.reason"),
            reader.ReadString("Rejected.detail"),
            ReadOptionalBytes(ref reader, "Rejected.raw_key"),
            ReadOptionalBytes(ref reader, "Rejected.raw_value"));
}
