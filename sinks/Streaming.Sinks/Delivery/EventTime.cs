using Streaming.Contracts.Avro;
using Streaming.Contracts.Events;

namespace Streaming.Sinks.Delivery;

/// <summary>The event time (UTC epoch ms) of a decoded record, per record type.</summary>
public static class EventTime
{
    /// <summary>
    /// CityHourly → window_start, FlaggedMessage and MessageEvent → sent_at, StrikeStatus → as_of, TripEvent → pickup_ts,
    /// TripLate/MessageLate → the inner event's time, Rejected → the Kafka record timestamp. A generic record uses
    /// <paramref name="genericField"/> (a long or timestamp-millis field) when given, else the record timestamp.
    /// </summary>
    /// <exception cref="InvalidOperationException">The generic field is missing or not a long; the message names it and the offset.</exception>
    public static long Of(SinkRecord record, string? genericField = null)
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
            GenericRecord g when genericField is not null => g[genericField] switch
            {
                long ms => ms,
                int i => i,
                var other => throw new InvalidOperationException(
                    $"field '{genericField}' of {record.Topic}[{record.Partition}]@{record.Offset} is '{other ?? "null"}', not epoch milliseconds."),
            },
            _ => record.Timestamp,
        };
    }
}
