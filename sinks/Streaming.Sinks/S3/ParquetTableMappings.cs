using System.Text.Encodings.Web;
using System.Text.Json;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;
using Parquet.Schema;

namespace Streaming.Sinks.S3;

/// <summary>
/// The flat Parquet table of each contract topic. Avro fields keep their names; timestamp-millis fields become
/// TIMESTAMP(MILLIS, UTC) (years 1 to 9999, see <see cref="ParquetTimestamp"/>); optional (<c>["null", T]</c>) fields become optional columns; enums become strings.
/// Nested records (the event inside <c>TripLate</c>/<c>MessageLate</c>) are flattened with the field name as a prefix
/// (<c>trip_city</c>, <c>message_sent_at</c>); arrays (<c>matched_words</c>) are stored as a JSON array string
/// (<c>["foo","bar"]</c>, UTF-8 unescaped; query with <c>json_extract</c> in Athena or <c>json(...)</c>/<c>from_json</c> in DuckDB).
/// Suffixed backfill topics (<c>trips.clean.bf1</c>) use their base topic's table.
/// </summary>
public static class ParquetTableMappings
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ParquetTableMapping s_trip = Build<TripEvent>("TripEvent", AvroSchemaFiles.TripEvent, m => AddTrip(m, "", t => t));
    private static readonly ParquetTableMapping s_message = Build<MessageEvent>("MessageEvent", AvroSchemaFiles.MessageEvent, m => AddMessage(m, "", x => x));
    private static readonly ParquetTableMapping s_cityHourly = Build<CityHourly>("CityHourly", AvroSchemaFiles.CityHourly, m => m
        .String("city", c => c.City)
        .Timestamp("window_start", c => c.WindowStart)
        .Timestamp("window_end", c => c.WindowEnd)
        .Int64("trips", c => c.Trips)
        .Double("fare_sum", c => c.FareSum)
        .Double("fare_avg", c => c.FareAvg)
        .Double("fare_min", c => c.FareMin)
        .Double("fare_max", c => c.FareMax)
        .Double("distance_km_sum", c => c.DistanceKmSum)
        .Double("avg_duration_s", c => c.AvgDurationS));
    private static readonly ParquetTableMapping s_flagged = Build<FlaggedMessage>("FlaggedMessage", AvroSchemaFiles.FlaggedMessage, m => m
        .String("message_id", f => f.MessageId)
        .String("sender_id", f => f.SenderId)
        .String("receiver_id", f => f.ReceiverId)
        .String("text", f => f.Text)
        .Timestamp("sent_at", f => f.SentAt)
        .String("matched_words", f => JsonSerializer.Serialize(f.MatchedWords, s_json)));
    private static readonly ParquetTableMapping s_strike = Build<StrikeStatus>("StrikeStatus", AvroSchemaFiles.StrikeStatus, m => m
        .String("sender_id", s => s.SenderId)
        .Int32("active_strikes", s => s.ActiveStrikes)
        .Int32("level", s => s.Level)
        .Double("salary_multiplier", s => s.SalaryMultiplier)
        .String("status", s => s.Status.ToSymbol())
        .OptionalTimestamp("cooldown_until", s => s.CooldownUntil)
        .Timestamp("as_of", s => s.AsOf));
    private static readonly ParquetTableMapping s_rejected = Build<Rejected>("Rejected", AvroSchemaFiles.Rejected, m => m
        .String("source_topic", r => r.SourceTopic)
        .Int32("source_partition", r => r.SourcePartition)
        .Int64("source_offset", r => r.SourceOffset)
        .String("reason", r => r.Reason)
        .String("detail", r => r.Detail)
        .OptionalBinary("raw_key", r => r.RawKey)
        .OptionalBinary("raw_value", r => r.RawValue));
    private static readonly ParquetTableMapping s_tripLate = Build<TripLate>("TripLate", AvroSchemaFiles.TripLate, m =>
        AddTrip(m, "trip_", l => l.Trip)
            .Timestamp("watermark_at_arrival", l => l.WatermarkAtArrival)
            .String("reason", l => l.Reason.ToSymbol()));
    private static readonly ParquetTableMapping s_messageLate = Build<MessageLate>("MessageLate", AvroSchemaFiles.MessageLate, m =>
        AddMessage(m, "message_", l => l.Message)
            .Timestamp("watermark_at_arrival", l => l.WatermarkAtArrival)
            .String("reason", l => l.Reason.ToSymbol()));

    private static readonly Dictionary<string, ParquetTableMapping> s_byTopic = new(StringComparer.Ordinal)
    {
        [Topics.Trips] = s_trip,
        [Topics.TripsClean] = s_trip,
        [Topics.Messages] = s_message,
        [Topics.TripsCityHourly] = s_cityHourly,
        [Topics.MessagesFlagged] = s_flagged,
        [Topics.SendersStrikeStatus] = s_strike,
        [Topics.TripsRejected] = s_rejected,
        [Topics.MessagesRejected] = s_rejected,
        [Topics.SinkRejected] = s_rejected,
        [Topics.TripsLate] = s_tripLate,
        [Topics.MessagesLate] = s_messageLate,
    };

    /// <summary>The mapping of every record type, in a fixed order.</summary>
    public static IReadOnlyList<ParquetTableMapping> All { get; } = [s_trip, s_message, s_cityHourly, s_flagged, s_strike, s_rejected, s_tripLate, s_messageLate];

    /// <summary>The mapping of a topic, or null when it is not a contract topic (nor a prefixed or suffixed copy of one).</summary>
    public static ParquetTableMapping? ForTopic(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Topics.ContractTopicOf(topic) is { } contract && s_byTopic.TryGetValue(contract, out var mapping) ? mapping : null;
    }

    /// <summary>The mapping of a value type (used for topics mapped by their decoded values).</summary>
    public static ParquetTableMapping? ForValue(object value) => All.FirstOrDefault(m => m.ValueType.IsInstanceOfType(value));

    private static MappingBuilder<TOuter> AddTrip<TOuter>(MappingBuilder<TOuter> m, string prefix, Func<TOuter, TripEvent> trip) => m
        .String(prefix + "trip_id", x => trip(x).TripId)
        .String(prefix + "city", x => trip(x).City)
        .Timestamp(prefix + "pickup_ts", x => trip(x).PickupTs)
        .Timestamp(prefix + "dropoff_ts", x => trip(x).DropoffTs)
        .Double(prefix + "distance_km", x => trip(x).DistanceKm)
        .Double(prefix + "fare", x => trip(x).Fare)
        .OptionalString(prefix + "driver_id", x => trip(x).DriverId)
        .OptionalString(prefix + "rider_id", x => trip(x).RiderId)
        .OptionalString(prefix + "payment_type", x => trip(x).PaymentType);

    private static MappingBuilder<TOuter> AddMessage<TOuter>(MappingBuilder<TOuter> m, string prefix, Func<TOuter, MessageEvent> message) => m
        .String(prefix + "message_id", x => message(x).MessageId)
        .String(prefix + "sender_id", x => message(x).SenderId)
        .String(prefix + "receiver_id", x => message(x).ReceiverId)
        .String(prefix + "text", x => message(x).Text)
        .Timestamp(prefix + "sent_at", x => message(x).SentAt);

    private static ParquetTableMapping Build<T>(string recordType, string avroSchemaJson, Func<MappingBuilder<T>, MappingBuilder<T>> describe)
        where T : class
    {
        var builder = describe(new MappingBuilder<T>());
        return new ParquetTableMapping(recordType, typeof(T), avroSchemaJson, builder.Columns, builder.Checks);
    }

    private sealed class MappingBuilder<T>
    {
        public List<MappedColumn> Columns { get; } = [];

        /// <summary>Checks run before a row is buffered (timestamp ranges), so a bad value rejects the record whole.</summary>
        public List<Action<object>> Checks { get; } = [];

        public MappingBuilder<T> String(string name, Func<T, string> get) =>
            Add(new DataField<string>(name, nullable: false), "string", get, StringSize, WriteStrings);

        public MappingBuilder<T> OptionalString(string name, Func<T, string?> get) =>
            Add(new DataField<string>(name, nullable: true), "string", get, StringSize, WriteStrings);

        public MappingBuilder<T> Timestamp(string name, Func<T, long> get)
        {
            Checks.Add(v => ParquetTimestamp.FromEpochMillis(get((T)v), name));
            return Add(TimestampField(name, nullable: false), "timestamp", v => ParquetTimestamp.FromEpochMillis(get(v), name), _ => 8, WriteValues<DateTime>);
        }

        public MappingBuilder<T> OptionalTimestamp(string name, Func<T, long?> get)
        {
            Checks.Add(v => OptionalTimestampOf(get((T)v), name));
            return Add(TimestampField(name, nullable: true), "timestamp", v => OptionalTimestampOf(get(v), name), t => t is null ? 0 : 8, WriteNullableValues<DateTime>);
        }

        public MappingBuilder<T> Int32(string name, Func<T, int> get) =>
            Add(new DataField<int>(name, nullable: false), "int", get, _ => 4, WriteValues<int>);

        public MappingBuilder<T> Int64(string name, Func<T, long> get) =>
            Add(new DataField<long>(name, nullable: false), "bigint", get, _ => 8, WriteValues<long>);

        public MappingBuilder<T> Double(string name, Func<T, double> get) =>
            Add(new DataField<double>(name, nullable: false), "double", get, _ => 8, WriteValues<double>);

        public MappingBuilder<T> OptionalBinary(string name, Func<T, byte[]?> get) =>
            Add(new DataField<byte[]>(name, nullable: true), "binary", get, b => b is null ? 0 : b.Length + 4,
                static (rowGroup, field, values, _) => rowGroup.WriteAsync(field, (IReadOnlyCollection<byte[]?>)values));

        private MappingBuilder<T> Add<TValue>(DataField field, string athenaType, Func<T, TValue> get, Func<TValue, int> size,
            Func<Parquet.ParquetRowGroupWriter, DataField, ArraySegment<TValue>, CancellationToken, Task> write)
        {
            Columns.Add(new MappedColumn(field, athenaType, () => new ColumnBuffer<T, TValue>(field, get, size, write)));
            return this;
        }

        private static DateTimeDataField TimestampField(string name, bool nullable) =>
            new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: nullable);

        private static DateTime? OptionalTimestampOf(long? millis, string name) =>
            millis is { } ms ? ParquetTimestamp.FromEpochMillis(ms, name) : null;

        // UTF-16 length as the size: exact for ASCII, deterministic always, and much cheaper than counting UTF-8 bytes.
        private static int StringSize(string? value) => value is null ? 0 : value.Length + 4;

        private static Task WriteStrings(Parquet.ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<string?> values, CancellationToken cancellationToken) =>
            rowGroup.WriteAsync(field, (IReadOnlyCollection<string?>)values);

        private static Task WriteValues<TValue>(Parquet.ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<TValue> values, CancellationToken cancellationToken)
            where TValue : struct =>
            rowGroup.WriteAsync<TValue>(field, (ReadOnlyMemory<TValue>)values, cancellationToken: cancellationToken);

        private static Task WriteNullableValues<TValue>(Parquet.ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<TValue?> values, CancellationToken cancellationToken)
            where TValue : struct =>
            rowGroup.WriteAsync<TValue>(field, (ReadOnlyMemory<TValue?>)values, cancellationToken: cancellationToken);
    }
}
