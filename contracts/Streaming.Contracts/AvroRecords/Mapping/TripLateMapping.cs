using Streaming.Contracts.Events;

namespace Streaming.Contracts.AvroRecords.Mapping;

/// <summary><see cref="TripLate"/> ↔ <see cref="streaming.TripLate"/>.</summary>
public sealed class TripLateMapping : IAvroRecordMapping<TripLate, streaming.TripLate>
{
    /// <summary>The one instance (the mapping has no state).</summary>
    public static TripLateMapping Instance { get; } = new();

    /// <inheritdoc />
    public streaming.TripLate ToRecord(TripLate value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            trip = TripEventMapping.Instance.ToRecord(value.Trip),
            watermark_at_arrival = value.WatermarkAtArrival,
            reason = AvroEnumMapping.ToRecord(value.Reason),
        };
    }

    /// <inheritdoc />
    public TripLate FromRecord(streaming.TripLate record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(TripEventMapping.Instance.FromRecord(record.trip), record.watermark_at_arrival, AvroEnumMapping.FromRecord(record.reason));
    }
}
