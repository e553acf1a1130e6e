using System.Globalization;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Sinks.S3;
using Streaming.TestSupport;

namespace Streaming.S3Sink.Tests.Parquet;

/// <summary>
/// Records of every table's type whose values cycle through the edge cases (empty and non-ASCII strings, NUL, NaN, ±0,
/// infinities, the timestamp limits, int extremes, empty and all-byte binaries, nulls) mixed with low-cardinality values,
/// and the row each must read back as, written out by hand per type (not through the mapping under test), in the
/// canonical strings of <see cref="ParquetOracle"/>.
/// </summary>
internal static class TableSamples
{
    private static readonly string[] s_text = ["", "héllo wörld", "🎉🚕 emoji", "日本語のテキスト", "a\u0000b", "tab\tnewline\n", new string('x', 5000), "Ωmega", "\uFFFF", "quote\"back\\slash"];
    private static readonly string[] s_cities = ["Lisbon", "São Paulo", "Zürich", "東京", "Kraków"];
    private static readonly double[] s_doubles = [double.NaN, -0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, double.MinValue, double.MaxValue, double.Epsilon, 12.25, Math.PI];
    private static readonly long[] s_times = [ParquetTimestamp.MinEpochMillis, ParquetTimestamp.MaxEpochMillis, -1, 0, 1_756_684_800_123, 1_756_688_400_000];
    private static readonly int[] s_ints = [int.MinValue, int.MaxValue, 0, -1, 10];
    private static readonly long[] s_longs = [long.MinValue, long.MaxValue, 0, -1, 42];
    private static readonly byte[][] s_bytes = [[], [0], [0xFF, 0xFE, 0x00, 0x80], [.. Enumerable.Range(0, 256).Select(i => (byte)i)]];
    private static readonly string[][] s_words = [[], ["spam"], ["café", "日本"], ["a", "b", "c"]];

    /// <summary>The contract topic of each table mapping, one per record type.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        Streaming.Contracts.Topics.TripsClean, Streaming.Contracts.Topics.Messages, Streaming.Contracts.Topics.TripsCityHourly,
        Streaming.Contracts.Topics.MessagesFlagged, Streaming.Contracts.Topics.SendersStrikeStatus, Streaming.Contracts.Topics.TripsRejected,
        Streaming.Contracts.Topics.TripsLate, Streaming.Contracts.Topics.MessagesLate,
    ];

    /// <summary><paramref name="count"/> records of the topic's type.</summary>
    public static List<object> Records(string topic, int count) =>
        Enumerable.Range(0, count).Select(i => Record(ParquetTableMappings.ForTopic(topic)!.RecordType, i)).ToList();

    /// <summary>The column names and canonical values a record must read back as.</summary>
    public static (string Name, string? Value)[] ExpectedRow(object record) => record switch
    {
        TripEvent t => Trip("", t),
        MessageEvent m => Message("", m),
        CityHourly c =>
        [
            ("city", c.City), ("window_start", Ts(c.WindowStart)), ("window_end", Ts(c.WindowEnd)), ("trips", Int(c.Trips)),
            ("fare_sum", Dbl(c.FareSum)), ("fare_avg", Dbl(c.FareAvg)), ("fare_min", Dbl(c.FareMin)), ("fare_max", Dbl(c.FareMax)),
            ("distance_km_sum", Dbl(c.DistanceKmSum)), ("avg_duration_s", Dbl(c.AvgDurationS)),
        ],
        FlaggedMessage f =>
        [
            ("message_id", f.MessageId), ("sender_id", f.SenderId), ("receiver_id", f.ReceiverId), ("text", f.Text), ("sent_at", Ts(f.SentAt)),
            ("matched_words", "[" + string.Join(",", f.MatchedWords.Select(w => "\"" + w + "\"")) + "]"),
        ],
        StrikeStatus s =>
        [
            ("sender_id", s.SenderId), ("active_strikes", Int(s.ActiveStrikes)), ("level", Int(s.Level)), ("salary_multiplier", Dbl(s.SalaryMultiplier)),
            ("status", s.Status == SenderStatus.Active ? "ACTIVE" : "INACTIVE"), ("cooldown_until", s.CooldownUntil is { } c ? Ts(c) : null), ("as_of", Ts(s.AsOf)),
        ],
        Rejected r =>
        [
            ("source_topic", r.SourceTopic), ("source_partition", Int(r.SourcePartition)), ("source_offset", Int(r.SourceOffset)), ("reason", r.Reason),
            ("detail", r.Detail), ("raw_key", Hex(r.RawKey)), ("raw_value", Hex(r.RawValue)),
        ],
        TripLate l => [.. Trip("trip_", l.Trip), ("watermark_at_arrival", Ts(l.WatermarkAtArrival)), ("reason", Reason(l.Reason))],
        MessageLate l => [.. Message("message_", l.Message), ("watermark_at_arrival", Ts(l.WatermarkAtArrival)), ("reason", Reason(l.Reason))],
        _ => throw new ArgumentException($"no expected row for {record.GetType().Name}", nameof(record)),
    };

    private static object Record(string recordType, int i) => recordType switch
    {
        "TripEvent" => TripAt(i),
        "MessageEvent" => MessageAt(i),
        "CityHourly" => new CityHourly(s_cities[i % s_cities.Length], Pick(s_times, i), Pick(s_times, i + 1), Pick(s_longs, i),
            Pick(s_doubles, i), Pick(s_doubles, i + 1), Pick(s_doubles, i + 2), Pick(s_doubles, i + 3), Pick(s_doubles, i + 4), Pick(s_doubles, i + 5)),
        "FlaggedMessage" => FlaggedMessage.From(MessageAt(i), Pick(s_words, i)),
        "StrikeStatus" => new StrikeStatus("sender-" + (i % 7), Pick(s_ints, i), i % 11, Pick(s_doubles, i), i % 2 == 0 ? SenderStatus.Active : SenderStatus.Inactive,
            i % 3 == 1 ? null : Pick(s_times, i + 2), Pick(s_times, i)),
        "Rejected" => new Rejected(Pick(s_text, i), Pick(s_ints, i), Pick(s_longs, i), i % 2 == 0 ? RejectReasons.Undecodable : RejectReasons.MissingField,
            Pick(s_text, i + 3), i % 3 == 1 ? null : Pick(s_bytes, i), i % 4 == 2 ? null : Pick(s_bytes, i + 1)),
        "TripLate" => new TripLate(TripAt(i), Pick(s_times, i + 3), i % 2 == 0 ? LateReason.WindowClosed : LateReason.BeyondDedupHorizon),
        "MessageLate" => new MessageLate(MessageAt(i), Pick(s_times, i + 1), i % 2 == 0 ? LateReason.WindowClosed : LateReason.BeyondDedupHorizon),
        _ => throw new ArgumentOutOfRangeException(nameof(recordType), recordType, null),
    };

    private static TripEvent TripAt(int i) => new(
        $"trip-{i:D6}-{Pick(s_text, i)}", s_cities[i % s_cities.Length], Pick(s_times, i), Pick(s_times, i + 1), Pick(s_doubles, i), Pick(s_doubles, i + 3),
        i % 3 == 1 ? null : "driver-" + (i % 13), i % 4 == 2 ? null : Pick(s_text, i + 2), i % 5 == 3 ? null : (i % 2 == 0 ? "card" : "cash"));

    private static MessageEvent MessageAt(int i) => new($"m-{i}", "sender-" + (i % 7), "receiver-" + (i % 5), Pick(s_text, i), Pick(s_times, i));

    private static (string, string?)[] Trip(string prefix, TripEvent t) =>
    [
        (prefix + "trip_id", t.TripId), (prefix + "city", t.City), (prefix + "pickup_ts", Ts(t.PickupTs)), (prefix + "dropoff_ts", Ts(t.DropoffTs)),
        (prefix + "distance_km", Dbl(t.DistanceKm)), (prefix + "fare", Dbl(t.Fare)), (prefix + "driver_id", t.DriverId), (prefix + "rider_id", t.RiderId),
        (prefix + "payment_type", t.PaymentType),
    ];

    private static (string, string?)[] Message(string prefix, MessageEvent m) =>
    [
        (prefix + "message_id", m.MessageId), (prefix + "sender_id", m.SenderId), (prefix + "receiver_id", m.ReceiverId), (prefix + "text", m.Text),
        (prefix + "sent_at", Ts(m.SentAt)),
    ];

    private static T Pick<T>(T[] values, int i) => values[i % values.Length];

    private static string Reason(LateReason reason) => reason == LateReason.WindowClosed ? "window_closed" : "beyond_dedup_horizon";

    private static string Ts(long millis) => millis.ToString(CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Dbl(double value) => double.IsNaN(value) ? "NaN" : "d:" + BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);

    private static string? Hex(byte[]? bytes) => bytes is null ? null : Convert.ToHexStringLower(bytes);
}
