using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>Typed codec of <see cref="MessageLate"/> (schema streaming.MessageLate, embedding streaming.MessageEvent).</summary>
public sealed class MessageLateCodec : AvroCodec<MessageLate>
{
    /// <summary>The shared instance.</summary>
    public static MessageLateCodec Instance { get; } = new();

    private MessageLateCodec()
        : base(AvroSchemaFiles.MessageLate)
    {
    }

    /// <inheritdoc />
    public override void Write(AvroWriter writer, MessageLate value)
    {
        ArgumentNullException.ThrowIfNull(value);
        MessageEventCodec.WriteFields(writer, value.Message ?? throw new AvroException("MessageLate.message is null."), MessageEventCodec.NestedFields);
        writer.WriteLong(value.WatermarkAtArrival);
        writer.WriteEnum(TripLateCodec.LateReasonIndex(value.Reason, "MessageLate.reason"));
    }

    /// <inheritdoc />
    public override MessageLate Read(ref AvroReader reader) =>
        new(
            MessageEventCodec.ReadFields(ref reader, MessageEventCodec.NestedFields),
            reader.ReadLong("MessageLate.watermark_at_arrival"),
            (LateReason)reader.ReadEnum("MessageLate.reason", 2));
}
