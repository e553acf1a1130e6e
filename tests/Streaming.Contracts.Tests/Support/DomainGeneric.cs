using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;

namespace Streaming.Contracts.Tests.Support;

/// <summary>
/// Maps contract records to generic records by schema field name, written independently of the typed codecs so that
/// "typed encoding == generic encoding" checks the codecs against the .avsc schemas.
/// </summary>
internal static class DomainGeneric
{
    public static object? ToGeneric<T>(T value) => value switch
    {
        TripEvent t => Trip(t, (RecordSchema)AvroCodecs.TripEvent.Schema),
        MessageEvent m => Message(m, (RecordSchema)AvroCodecs.MessageEvent.Schema),
        CityHourly c => Record((RecordSchema)AvroCodecs.CityHourly.Schema, new()
        {
            ["city"] = c.City, ["window_start"] = c.WindowStart, ["window_end"] = c.WindowEnd, ["trips"] = c.Trips,
            ["fare_sum"] = c.FareSum, ["fare_avg"] = c.FareAvg, ["fare_min"] = c.FareMin, ["fare_max"] = c.FareMax,
            ["distance_km_sum"] = c.DistanceKmSum, ["avg_duration_s"] = c.AvgDurationS,
        }),
        FlaggedMessage f => Record((RecordSchema)AvroCodecs.FlaggedMessage.Schema, new()
        {
            ["message_id"] = f.MessageId, ["sender_id"] = f.SenderId, ["receiver_id"] = f.ReceiverId, ["text"] = f.Text,
            ["sent_at"] = f.SentAt, ["matched_words"] = f.MatchedWords.Cast<object?>().ToList(),
        }),
        StrikeStatus s => StrikeStatus(s),
        Rejected r => Record((RecordSchema)AvroCodecs.Rejected.Schema, new()
        {
            ["source_topic"] = r.SourceTopic, ["source_partition"] = r.SourcePartition, ["source_offset"] = r.SourceOffset,
            ["reason"] = r.Reason, ["detail"] = r.Detail, ["raw_key"] = r.RawKey, ["raw_value"] = r.RawValue,
        }),
        TripLate l => Late((RecordSchema)AvroCodecs.TripLate.Schema, "trip", s => Trip(l.Trip, s), l.WatermarkAtArrival, l.Reason),
        MessageLate l => Late((RecordSchema)AvroCodecs.MessageLate.Schema, "message", s => Message(l.Message, s), l.WatermarkAtArrival, l.Reason),
        string key => key,
        _ => throw new NotSupportedException(typeof(T).Name),
    };

    private static GenericRecord Trip(TripEvent t, RecordSchema schema) => Record(schema, new()
    {
        ["trip_id"] = t.TripId, ["city"] = t.City, ["pickup_ts"] = t.PickupTs, ["dropoff_ts"] = t.DropoffTs,
        ["distance_km"] = t.DistanceKm, ["fare"] = t.Fare, ["driver_id"] = t.DriverId, ["rider_id"] = t.RiderId, ["payment_type"] = t.PaymentType,
    });

    private static GenericRecord Message(MessageEvent m, RecordSchema schema) => Record(schema, new()
    {
        ["message_id"] = m.MessageId, ["sender_id"] = m.SenderId, ["receiver_id"] = m.ReceiverId, ["text"] = m.Text, ["sent_at"] = m.SentAt,
    });

    private static GenericRecord StrikeStatus(StrikeStatus s)
    {
        var schema = (RecordSchema)AvroCodecs.StrikeStatus.Schema;
        var statusSchema = (EnumSchema)schema.GetField("status")!.Schema;
        return Record(schema, new()
        {
            ["sender_id"] = s.SenderId, ["active_strikes"] = s.ActiveStrikes, ["level"] = s.Level, ["salary_multiplier"] = s.SalaryMultiplier,
            ["status"] = new GenericEnum(statusSchema, s.Status == SenderStatus.Active ? "ACTIVE" : "INACTIVE"),
            ["cooldown_until"] = s.CooldownUntil, ["as_of"] = s.AsOf,
        });
    }

    private static GenericRecord Late(RecordSchema schema, string eventField, Func<RecordSchema, GenericRecord> inner, long watermark, LateReason reason)
    {
        var reasonSchema = (EnumSchema)schema.GetField("reason")!.Schema;
        return Record(schema, new()
        {
            [eventField] = inner((RecordSchema)schema.GetField(eventField)!.Schema),
            ["watermark_at_arrival"] = watermark,
            ["reason"] = new GenericEnum(reasonSchema, reason == LateReason.WindowClosed ? "window_closed" : "beyond_dedup_horizon"),
        });
    }

    private static GenericRecord Record(RecordSchema schema, Dictionary<string, object?> values)
    {
        values.Keys.Should().BeEquivalentTo(schema.Fields.Select(f => f.Name), $"the test mapping of {schema.FullName} must cover exactly its schema fields");
        var record = new GenericRecord(schema);
        foreach (var (name, value) in values)
        {
            record[name] = value;
        }
        return record;
    }
}
