using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="Rejected"/> ↔ <see cref="streaming.Rejected"/>.</summary>
public sealed class RejectedMapping : IAvroRecordMapping<Rejected, streaming.Rejected>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static RejectedMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.Rejected ToRecord(Rejected value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            source_topic = value.SourceTopic,
            source_partition = value.SourcePartition,
            source_offset = value.SourceOffset,
            reason = value.Reason,
            detail = value.Detail,
            raw_key = value.RawKey,
            raw_value = value.RawValue,
        };
    }

    /// <inheritdoc />
    public Rejected FromRecord(streaming.Rejected record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.source_topic, record.source_partition, record.source_offset, record.reason, record.detail,
            record.raw_key, record.raw_value);
    }
}
