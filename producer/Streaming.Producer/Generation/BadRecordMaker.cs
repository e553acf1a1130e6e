using System.Buffers.Binary;
using Streaming.Contracts.Events;
using Streaming.Producer.Output;

namespace Streaming.Producer.Generation;

/// <summary>
/// Turns a good event into a record the processor must reject, one failure per record, each with the reject reason
/// code the processor should give (<see cref="RejectReasons"/>).
/// </summary>
public static class BadRecordMaker
{
    /// <summary>How far ahead a future timestamp is put: a week, well past the one-day limit.</summary>
    public const long FutureOffsetMs = 7 * GenerationWindow.DayMs;

    /// <summary>
    /// A bad trip: undecodable bytes, an empty city (missing field), dropoff before pickup, a negative fare, or a
    /// pickup a week in the future, in equal shares.
    /// </summary>
    public static ProducerRecord Trip(TripEvent trip, DeterministicRandom random)
    {
        switch (random.NextInt(5))
        {
            case 0:
                return Undecodable(EventStream.Trips, trip.TripId, trip.PickupTs, ContractJson.ToUtf8(trip), random);
            case 1:
                return ProducerRecord.ForTrip(trip with { City = string.Empty }, RecordKind.Bad, RejectReasons.MissingField);
            case 2:
                var early = trip.PickupTs - random.NextLong(GenerationWindow.MinuteMs, 30 * GenerationWindow.MinuteMs);
                return ProducerRecord.ForTrip(trip with { DropoffTs = early }, RecordKind.Bad, RejectReasons.NegativeDuration);
            case 3:
                return ProducerRecord.ForTrip(trip with { Fare = -trip.Fare }, RecordKind.Bad, RejectReasons.NegativeFare);
            default:
                var shift = FutureOffsetMs + random.NextLong(6 * GenerationWindow.HourMs);
                var future = trip with { PickupTs = trip.PickupTs + shift, DropoffTs = trip.DropoffTs + shift };
                return ProducerRecord.ForTrip(future, RecordKind.Bad, RejectReasons.FutureTimestamp);
        }
    }

    /// <summary>
    /// A bad message: undecodable bytes, an empty text or receiver (missing field), or a send time a week in the
    /// future, in equal shares.
    /// </summary>
    public static ProducerRecord Message(MessageEvent message, DeterministicRandom random)
    {
        switch (random.NextInt(3))
        {
            case 0:
                return Undecodable(EventStream.Messages, message.SenderId, message.SentAt, ContractJson.ToUtf8(message), random);
            case 1:
                var blank = random.Chance(0.5) ? message with { Text = string.Empty } : message with { ReceiverId = string.Empty };
                return ProducerRecord.ForMessage(blank, RecordKind.Bad, RejectReasons.MissingField);
            default:
                var shifted = message with { SentAt = message.SentAt + FutureOffsetMs + random.NextLong(6 * GenerationWindow.HourMs) };
                return ProducerRecord.ForMessage(shifted, RecordKind.Bad, RejectReasons.FutureTimestamp);
        }
    }

    /// <summary>
    /// Bytes that are not a Confluent Avro record: the event as JSON (a client that forgot the serializer), a value
    /// shorter than the 5-byte header, or a valid header naming a schema id no registry holds.
    /// </summary>
    private static ProducerRecord Undecodable(EventStream stream, string key, long eventTime, byte[] json, DeterministicRandom random)
    {
        var variant = random.NextInt(4);
        if (variant <= 1)
        {
            return new ProducerRecord(stream, key, RecordKind.Bad, null, null, json, RejectReasons.Undecodable, eventTime);
        }
        if (variant == 2)
        {
            var shortValue = new byte[random.NextInt(1, 5)];
            for (var i = 1; i < shortValue.Length; i++)
            {
                shortValue[i] = (byte)random.NextInt(256);
            }
            return new ProducerRecord(stream, key, RecordKind.Bad, null, null, shortValue, RejectReasons.Undecodable, eventTime);
        }
        // Magic byte 0 and a schema id far above anything a registry hands out, then junk.
        var framed = new byte[5 + random.NextInt(8, 25)];
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), 0x7F000000 + random.NextInt(1 << 20));
        for (var i = 5; i < framed.Length; i++)
        {
            framed[i] = (byte)random.NextInt(256);
        }
        return new ProducerRecord(stream, key, RecordKind.Bad, null, null, framed, RejectReasons.UnknownSchema, eventTime);
    }
}
