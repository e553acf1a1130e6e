using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="MessageLate"/> ↔ <see cref="streaming.MessageLate"/>.</summary>
public sealed class MessageLateMapping : IAvroRecordMapping<MessageLate, streaming.MessageLate>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static MessageLateMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.MessageLate ToRecord(MessageLate value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            message = MessageEventMapping.Instance.ToRecord(value.Message),
            watermark_at_arrival = value.WatermarkAtArrival,
            reason = AvroEnumMapping.ToRecord(value.Reason),
        };
    }

    /// <inheritdoc />
    public MessageLate FromRecord(streaming.MessageLate record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(MessageEventMapping.Instance.FromRecord(record.message), record.watermark_at_arrival, AvroEnumMapping.FromRecord(record.reason));
    }
}
