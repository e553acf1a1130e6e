using Confluent.Kafka;
using Streaming.Contracts;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// Decodes record values by topic: <c>trips.city-hourly</c> → <see cref="CityHourly"/>, <c>messages.flagged</c> →
/// <see cref="FlaggedMessage"/>, <c>senders.strike-status</c> → <see cref="StrikeStatus"/>, and every other contract
/// topic to its event type. Suffixed backfill topics (<c>trips.clean.bf1</c>) decode like their base topic. Topics
/// outside the contract decode generically with a schema registered through <see cref="AddGenericTopic"/>.
/// </summary>
public sealed class RecordDecoder
{
    private delegate object PayloadReader(ReadOnlySpan<byte> payload);

    private readonly Dictionary<string, PayloadReader> _readers = new(StringComparer.Ordinal)
    {
        [Topics.Trips] = static p => AvroCodecs.TripEvent.Decode(p),
        [Topics.TripsClean] = static p => AvroCodecs.TripEvent.Decode(p),
        [Topics.Messages] = static p => AvroCodecs.MessageEvent.Decode(p),
        [Topics.TripsCityHourly] = static p => AvroCodecs.CityHourly.Decode(p),
        [Topics.MessagesFlagged] = static p => AvroCodecs.FlaggedMessage.Decode(p),
        [Topics.SendersStrikeStatus] = static p => AvroCodecs.StrikeStatus.Decode(p),
        [Topics.TripsRejected] = static p => AvroCodecs.Rejected.Decode(p),
        [Topics.MessagesRejected] = static p => AvroCodecs.Rejected.Decode(p),
        [Topics.SinkRejected] = static p => AvroCodecs.Rejected.Decode(p),
        [Topics.TripsLate] = static p => AvroCodecs.TripLate.Decode(p),
        [Topics.MessagesLate] = static p => AvroCodecs.MessageLate.Decode(p),
    };

    /// <summary>Decodes values of <paramref name="topic"/> generically with <paramref name="schema"/> (values are <see cref="GenericRecord"/> for record schemas).</summary>
    public RecordDecoder AddGenericTopic(string topic, AvroSchema schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(schema);
        _readers[topic] = p =>
        {
            var reader = new AvroReader(p);
            var value = GenericDatumReader.Read(ref reader, schema) ?? throw new AvroException($"{schema} decoded to null");
            reader.EnsureEnd(schema.ToString());
            return value;
        };
        return this;
    }

    /// <summary>Whether values of <paramref name="topic"/> (or its base topic) can be decoded.</summary>
    public bool CanDecode(string topic) => FindReader(topic) is not null;

    /// <summary>
    /// Decodes one consumed record. On failure returns false and the <see cref="Rejected"/> record to publish, with
    /// reason <see cref="RejectReasons.Undecodable"/> or <see cref="RejectReasons.UnknownSchema"/> and a detail sentence.
    /// </summary>
    public bool TryDecode(ConsumeResult<byte[]?, byte[]?> result, out SinkRecord? record, out Rejected? rejected)
    {
        ArgumentNullException.ThrowIfNull(result);
        record = null;
        rejected = null;
        var topic = result.Topic;
        var key = result.Message.Key;
        var value = result.Message.Value;
        Rejected Reject(string reason, string detail) =>
            new(topic, result.Partition.Value, result.Offset.Value, reason, detail, key, value);

        var reader = FindReader(topic);
        if (reader is null)
        {
            rejected = Reject(RejectReasons.UnknownSchema, $"topic '{topic}' has no known value schema");
            return false;
        }
        if (value is null)
        {
            rejected = Reject(RejectReasons.Undecodable, "value is null (tombstone), but the topic's schema requires a record");
            return false;
        }
        if (!WireFormat.TryUnframe(value, out _, out var payload, out var problem))
        {
            rejected = Reject(RejectReasons.Undecodable, problem!);
            return false;
        }
        try
        {
            var decoded = reader(payload);
            record = new SinkRecord(topic, result.Partition.Value, result.Offset.Value, result.Message.Timestamp.UnixTimestampMs, key, value, decoded);
            return true;
        }
        catch (AvroException ex)
        {
            rejected = Reject(RejectReasons.Undecodable, ex.Message);
            return false;
        }
    }

    private PayloadReader? FindReader(string topic)
    {
        if (_readers.TryGetValue(topic, out var exact))
        {
            return exact;
        }
        // Backfill outputs are "<base>.<suffix>": the longest registered base that prefixes the topic wins
        // ("trips.clean.bf1" is trips.clean, not trips).
        PayloadReader? best = null;
        var bestLength = 0;
        foreach (var (name, reader) in _readers)
        {
            if (name.Length > bestLength && topic.Length > name.Length + 1 && topic.StartsWith(name, StringComparison.Ordinal) && topic[name.Length] == '.')
            {
                best = reader;
                bestLength = name.Length;
            }
        }
        return best;
    }
}
