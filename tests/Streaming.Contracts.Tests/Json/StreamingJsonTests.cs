using System.Text.Json;
using Streaming.Contracts.Events;
using Streaming.Contracts.Json;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.Json;

public sealed class StreamingJsonTests
{
    [Fact]
    public void ShouldWriteSnakeCaseFieldsInSchemaOrderWithEpochMillisAndOmitNullOptionals()
    {
        var json = StreamingJson.Serialize(new TripEvent("t-1", "Zürich", 1756684800000, 1756685700000, 3.2, 14.5, "d-1", null, "card"));

        json.Should().Be("""{"trip_id":"t-1","city":"Zürich","pickup_ts":1756684800000,"dropoff_ts":1756685700000,"distance_km":3.2,"fare":14.5,"driver_id":"d-1","payment_type":"card"}""");
    }

    [Fact]
    public void ShouldWriteShortestRoundTripDoublesAndNonFiniteAsStrings()
    {
        var json = StreamingJson.Serialize(new CityHourly("c", 0, 3600000, 3, 0.1 + 0.2, 1e21, double.Epsilon, double.NaN, double.PositiveInfinity, -0.0));

        json.Should().Be("""{"city":"c","window_start":0,"window_end":3600000,"trips":3,"fare_sum":0.30000000000000004,"fare_avg":1E+21,"fare_min":5E-324,"fare_max":"NaN","distance_km_sum":"Infinity","avg_duration_s":-0}""");
        StreamingJson.Deserialize<CityHourly>(json).Should().Be(new CityHourly("c", 0, 3600000, 3, 0.1 + 0.2, 1e21, double.Epsilon, double.NaN, double.PositiveInfinity, -0.0));
    }

    [Fact]
    public void ShouldRoundTripEverySampleAndWriteTheSameBytesTwice()
    {
        AssertRoundTrips(ContractSamples.Trips);
        AssertRoundTrips(ContractSamples.Messages);
        AssertRoundTrips(ContractSamples.CityHourlies);
        AssertRoundTrips(ContractSamples.FlaggedMessages);
        AssertRoundTrips(ContractSamples.StrikeStatuses);
        AssertRoundTrips(ContractSamples.Rejecteds);
        AssertRoundTrips(ContractSamples.TripLates);
        AssertRoundTrips(ContractSamples.MessageLates);
    }

    [Fact]
    public void ShouldRoundTripRandomTripsAndMessages()
    {
        Properties.Check(Generators.Trip, t => StreamingJson.Deserialize<TripEvent>(StreamingJson.Serialize(t)).Equals(NormalizeOptionals(t)));
        Properties.Check(Generators.Message, m => StreamingJson.Deserialize<MessageEvent>(StreamingJson.Serialize(m)).Equals(m));
    }

    [Theory]
    [InlineData("1756684800000", 1756684800000)]
    [InlineData("\"1756684800000\"", 1756684800000)]
    [InlineData("\"2025-09-01T00:00:00Z\"", 1756684800000)]
    [InlineData("\"2025-09-01T02:00:00+02:00\"", 1756684800000)]
    [InlineData("\"2025-08-31T19:00:00.250-05:00\"", 1756684800250)]
    [InlineData("\"2025-09-01T00:00:00\"", 1756684800000)]
    [InlineData("\"2025-09-01 00:00:00.5\"", 1756684800500)]
    [InlineData("\"2025-09-01\"", 1756684800000)]
    [InlineData("-1", -1)]
    public void ShouldReadTimestampsAsEpochMillisNumericStringsOrIso8601(string pickup, long expected)
    {
        var json = $$"""{"message_id":"m","sender_id":"s","receiver_id":"r","text":"t","sent_at":{{pickup}}}""";

        StreamingJson.Deserialize<MessageEvent>(json).SentAt.Should().Be(expected);
    }

    [Fact]
    public void ShouldReadAbsentNullAndEmptyOptionalFieldsAsNull()
    {
        var json = """{"trip_id":"t","city":"c","pickup_ts":1,"dropoff_ts":2,"distance_km":"1.5","fare":2,"driver_id":null,"rider_id":"","unknown_field":[1,2]}""";

        StreamingJson.Deserialize<TripEvent>(json).Should().Be(new TripEvent("t", "c", 1, 2, 1.5, 2, null, null, null));
    }

    [Fact]
    public void ShouldReadStrikeStatusWithoutCooldownAndLateRecordsWithReasonSymbols()
    {
        StreamingJson.Deserialize<StrikeStatus>("""{"sender_id":"s","active_strikes":0,"level":0,"salary_multiplier":1,"status":"ACTIVE","as_of":5}""")
            .Should().Be(new StrikeStatus("s", 0, 0, 1, SenderStatus.Active, null, 5));
        StreamingJson.Serialize(ContractSamples.MessageLates[0]).Should().Be(
            """{"message":{"message_id":"m-1","sender_id":"alice","receiver_id":"bob","text":"hello there","sent_at":1756684800000},"watermark_at_arrival":1756688400000,"reason":"beyond_dedup_horizon"}""");
    }

    [Theory]
    [InlineData("""{"city":"c","pickup_ts":1,"dropoff_ts":2,"distance_km":1,"fare":2}""", "TripEvent field 'trip_id' is missing or null.")]
    [InlineData("""{"trip_id":"t","city":"c","pickup_ts":"yesterday","dropoff_ts":2,"distance_km":1,"fare":2}""", "TripEvent field 'pickup_ts' has value \"yesterday\", expected epoch milliseconds or an ISO-8601 timestamp.")]
    [InlineData("""{"trip_id":"t","city":"c","pickup_ts":1,"dropoff_ts":2,"distance_km":"far","fare":2}""", "TripEvent field 'distance_km' has value \"far\", expected a number.")]
    [InlineData("""[1]""", "TripEvent must be a JSON object, found Array.")]
    public void ShouldNameTheFieldWhenARequiredValueIsMissingOrMalformed(string json, string message)
    {
        var act = () => StreamingJson.Deserialize<TripEvent>(json);

        act.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void ShouldWriteAndReadJsonLinesNamingTheBadLine()
    {
        var writer = new StringWriter();
        StreamingJson.WriteLines(writer, ContractSamples.Messages.Take(2));
        var text = writer.ToString();

        StreamingJson.ReadLines<MessageEvent>(new StringReader(text + "\n\n")).Should().Equal(ContractSamples.Messages.Take(2));
        text.Count(c => c == '\n').Should().Be(2);
        var act = () => StreamingJson.ReadLines<MessageEvent>(new StringReader(text + "{\"message_id\":1}\n")).ToList();
        act.Should().Throw<JsonException>().WithMessage("line 3: MessageEvent field 'sender_id' is missing or null.");
    }

    private static void AssertRoundTrips<T>(IEnumerable<T> values)
    {
        foreach (var value in values)
        {
            var bytes = StreamingJson.SerializeToUtf8Bytes(value);
            StreamingJson.SerializeToUtf8Bytes(value).Should().Equal(bytes);
            StreamingJson.Deserialize<T>(bytes).Should().Be(NormalizeOptionals(value));
        }
    }

    // Empty optional strings read back as null (documented): compare against that normal form.
    private static T NormalizeOptionals<T>(T value) => value switch
    {
        TripEvent t => (T)(object)(t with
        {
            DriverId = string.IsNullOrEmpty(t.DriverId) ? null : t.DriverId,
            RiderId = string.IsNullOrEmpty(t.RiderId) ? null : t.RiderId,
            PaymentType = string.IsNullOrEmpty(t.PaymentType) ? null : t.PaymentType,
        }),
        TripLate l => (T)(object)(l with { Trip = NormalizeOptionals(l.Trip) }),
        _ => value,
    };
}
