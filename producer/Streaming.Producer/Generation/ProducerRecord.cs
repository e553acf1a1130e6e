using Streaming.Contracts.Events;

namespace Streaming.Producer.Generation;

/// <summary>
/// One record to send: the stream, the Kafka key, what kind of record it is, and either a contract value
/// (<see cref="Trip"/> or <see cref="Message"/>) or <see cref="RawValue"/> bytes that are deliberately not valid
/// Confluent Avro.
/// </summary>
/// <param name="Stream">The stream (and default topic).</param>
/// <param name="Key">The record key: trip_id for trips, sender_id for messages (DESIGN §3).</param>
/// <param name="Kind">Clean, duplicate, late or bad.</param>
/// <param name="Trip">The trip value, for <see cref="EventStream.Trips"/> records that have one.</param>
/// <param name="Message">The message value, for <see cref="EventStream.Messages"/> records that have one.</param>
/// <param name="RawValue">Raw value bytes sent as they are (undecodable records); null otherwise.</param>
/// <param name="Reason">For bad records, the reject reason code the processor should give (RejectReasons); null otherwise.</param>
/// <param name="EventTime">Event time of the underlying event (UTC epoch ms); also the Kafka record timestamp.</param>
/// <param name="BehindMs">For late records, how far (ms) the event time is behind the latest valid event time already sent on its stream.</param>
public sealed record ProducerRecord(
    EventStream Stream,
    string Key,
    RecordKind Kind,
    TripEvent? Trip,
    MessageEvent? Message,
    byte[]? RawValue,
    string? Reason,
    long EventTime,
    long? BehindMs = null)
{
    /// <summary>A trip record.</summary>
    public static ProducerRecord ForTrip(TripEvent trip, RecordKind kind, string? reason = null) =>
        new(EventStream.Trips, trip.TripId, kind, trip, null, null, reason, trip.PickupTs);

    /// <summary>A message record.</summary>
    public static ProducerRecord ForMessage(MessageEvent message, RecordKind kind, string? reason = null) =>
        new(EventStream.Messages, message.SenderId, kind, null, message, null, reason, message.SentAt);
}
