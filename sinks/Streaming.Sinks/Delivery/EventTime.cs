using Streaming.Contracts.Events;

namespace Streaming.Sinks.Delivery;

/// <summary>The event time (UTC epoch ms) of a decoded record, per record type.</summary>
public static class EventTime
{
    /// <summary>
    /// CityHourly → window_start, FlaggedMessage and MessageEvent → sent_at, StrikeStatus → as_of, TripEvent → pickup_ts,
    /// TripLate/MessageLate → the inner event's time, anything else (Rejected) → the Kafka record timestamp.
    /// </summary>
    public static long Of(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Value switch
        {
            CityHourly c => c.WindowStart,
            FlaggedMessage f => f.SentAt,
            StrikeStatus s => s.AsOf,
            TripEvent t => t.PickupTs,
            MessageEvent m => m.SentAt,
            TripLate tl => tl.Trip.PickupTs,
            MessageLate ml => ml.Message.SentAt,
            Rejected => record.Timestamp,
            _ => record.Timestamp,
        };
    }
}
