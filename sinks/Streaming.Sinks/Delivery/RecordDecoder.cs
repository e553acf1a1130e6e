using Confluent.Kafka;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serdes;
using Streaming.Contracts.Serialization;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// Decodes record values by topic through the contracts' serdes (Confluent wire format, schema ids checked against the
/// registry): <c>trips.city-hourly</c> → <see cref="CityHourly"/>, <c>messages.flagged</c> → <see cref="FlaggedMessage"/>,
/// <c>senders.strike-status</c> → <see cref="StrikeStatus"/>, and every other contract topic to its event type.
/// Suffixed backfill topics (<c>trips.clean.bf1</c>) decode like their base topic. Topics outside the contract are
/// rejected as <c>unknown_schema</c>.
/// </summary>
public sealed class RecordDecoder
{
    private delegate object PayloadReader(byte[] framed);

    private readonly Dictionary<string, PayloadReader> _readers;
    // Per consumed topic name (suffixed backfill topics included): its reader, so the base-topic lookup runs once.
    private readonly Dictionary<string, PayloadReader?> _byTopic = new(StringComparer.Ordinal);

    /// <summary>A decoder over the serdes of the configured registry.</summary>
    public RecordDecoder(AvroSerdes serdes)
    {
        ArgumentNullException.ThrowIfNull(serdes);
        _readers = new Dictionary<string, PayloadReader>(StringComparer.Ordinal)
        {
            [Topics.Trips] = v => serdes.TripEvent.Deserialize(v),
            [Topics.TripsClean] = v => serdes.TripEvent.Deserialize(v),
            [Topics.Messages] = v => serdes.MessageEvent.Deserialize(v),
            [Topics.TripsCityHourly] = v => serdes.CityHourly.Deserialize(v),
            [Topics.MessagesFlagged] = v => serdes.FlaggedMessage.Deserialize(v),
            [Topics.SendersStrikeStatus] = v => serdes.StrikeStatus.Deserialize(v),
            [Topics.TripsRejected] = v => serdes.Rejected.Deserialize(v),
            [Topics.MessagesRejected] = v => serdes.Rejected.Deserialize(v),
            [Topics.SinkRejected] = v => serdes.Rejected.Deserialize(v),
            [Topics.TripsLate] = v => serdes.TripLate.Deserialize(v),
            [Topics.MessagesLate] = v => serdes.MessageLate.Deserialize(v),
        };
    }

    /// <summary>Whether values of <paramref name="topic"/> (or its base topic) can be decoded.</summary>
    public bool CanDecode(string topic) => FindReader(topic) is not null;

    /// <summary>
    /// Decodes one consumed record. On failure returns false and the <see cref="Rejected"/> record to publish, with
    /// reason <see cref="RejectReasons.Undecodable"/> or <see cref="RejectReasons.UnknownSchema"/> and a detail sentence.
    /// </summary>
    /// <exception cref="SchemaRegistryUnavailableException">The registry could not be reached: not a data error, so not a rejection.</exception>
    public bool TryDecode(ConsumeResult<byte[]?, byte[]?> result, out SinkRecord? record, out Rejected? rejected)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TryDecode(PolledRecord.From(result), out record, out rejected);
    }

    /// <inheritdoc cref="TryDecode(ConsumeResult{byte[], byte[]}, out SinkRecord?, out Rejected?)"/>
    public bool TryDecode(in PolledRecord polled, out SinkRecord? record, out Rejected? rejected)
    {
        record = null;
        if (!TryFind(polled, out var reader, out rejected))
        {
            return false;
        }
        try
        {
            var decoded = reader!(polled.Value);
            record = new SinkRecord(polled.Topic, polled.Partition, polled.Offset, polled.Timestamp, polled.Key, polled.Value!, decoded);
            return true;
        }
        catch (RecordDecodeException ex)
        {
            rejected = Reject(polled, ex.ReasonCode, ex.Message);
            return false;
        }
    }

    /// <summary>The <see cref="Rejected"/> record for a consumed record that cannot be written.</summary>
    public static Rejected Reject(in PolledRecord polled, string reason, string detail) =>
        new(polled.Topic, polled.Partition, polled.Offset, reason, detail, polled.Key, polled.Value);

    private bool TryFind(in PolledRecord polled, out PayloadReader? reader, out Rejected? rejected)
    {
        rejected = null;
        if (!_byTopic.TryGetValue(polled.Topic, out reader))
        {
            reader = FindReader(polled.Topic);
            _byTopic[polled.Topic] = reader;
        }
        if (reader is null)
        {
            rejected = Reject(polled, RejectReasons.UnknownSchema, $"topic '{polled.Topic}' has no known value schema");
            return false;
        }
        if (polled.Value is null)
        {
            rejected = Reject(polled, RejectReasons.Undecodable, "value is null (tombstone), but the topic's schema requires a record");
            return false;
        }
        return true;
    }

    private PayloadReader? FindReader(string topic) =>
        _readers.TryGetValue(topic, out var exact) ? exact
        : Topics.ContractTopicOf(topic) is { } contract && _readers.TryGetValue(contract, out var copy) ? copy
        : null;
}
