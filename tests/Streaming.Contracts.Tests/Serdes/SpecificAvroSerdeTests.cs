using Avro.IO;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serdes;
using Streaming.Contracts.Serialization;
using Streaming.TestSupport;

namespace Streaming.Contracts.Tests.Serdes;

/// <summary>The hot-path serde against the dev Schema Registry, with Confluent's own serdes as the oracle.</summary>
public sealed class SpecificAvroSerdeTests : IDisposable
{
    private readonly CachedSchemaRegistryClient _client = new(new SchemaRegistryConfig { Url = DevStack.SchemaRegistryUrl });
    private readonly string _topic = "serde-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _client.Dispose();

    private SpecificAvroSerde<T> Serde<T>() where T : global::Avro.Specific.ISpecificRecord, new() =>
        new(_client, new RegistryCalls(DevStack.SchemaRegistryUrl));

    private SerializationContext Context => new(MessageComponentType.Value, _topic);

    public static TheoryData<string, string?, double, double, long> EdgeTrips => new()
    {
        { "ascii", "driver", 1.5, 2.25, 0 },
        { "Zürich — 東京 🚕", null, double.NaN, -0.0, -62_135_596_800_000 },
        { "", "", double.PositiveInfinity, double.NegativeInfinity, 253_402_300_799_999 },
        { "max", null, double.Epsilon, double.MaxValue, long.MaxValue },
        { "min", "x", -0.0, double.MinValue, long.MinValue },
    };

    private static streaming.TripEvent Trip(string city, string? driver, double distance, double fare, long ts) => new()
    {
        trip_id = "t-" + city, city = city, pickup_ts = ts, dropoff_ts = ts, distance_km = distance, fare = fare,
        driver_id = driver, rider_id = null, payment_type = driver is null ? null : "card",
    };

    private static void ShouldBeSame(streaming.TripEvent actual, streaming.TripEvent expected)
    {
        (actual.trip_id, actual.city, actual.pickup_ts, actual.dropoff_ts, actual.driver_id, actual.rider_id, actual.payment_type)
            .Should().Be((expected.trip_id, expected.city, expected.pickup_ts, expected.dropoff_ts, expected.driver_id, expected.rider_id, expected.payment_type));
        // Bit patterns: NaN and -0.0 must come back as themselves.
        BitConverter.DoubleToInt64Bits(actual.distance_km).Should().Be(BitConverter.DoubleToInt64Bits(expected.distance_km));
        BitConverter.DoubleToInt64Bits(actual.fare).Should().Be(BitConverter.DoubleToInt64Bits(expected.fare));
    }

    [Theory]
    [MemberData(nameof(EdgeTrips))]
    public async Task ShouldBeReadByConfluentsDeserializerAndReadWhatConfluentsSerializerWrote(string city, string? driver, double distance, double fare, long ts)
    {
        var trip = Trip(city, driver, distance, fare, ts);
        var serde = Serde<streaming.TripEvent>();

        var ours = serde.Serialize(trip, _topic);
        var confluents = await new AvroSerializer<streaming.TripEvent>(_client).SerializeAsync(trip, Context);

        ours.Should().Equal(confluents, "the same schema id and Avro bytes");
        ShouldBeSame(await new AvroDeserializer<streaming.TripEvent>(_client).DeserializeAsync(ours, false, Context), trip);
        ShouldBeSame(serde.Deserialize(confluents), trip);
    }

    private byte[] ValidFlagged() => Serde<streaming.FlaggedMessage>().Serialize(new streaming.FlaggedMessage
    {
        message_id = "m", sender_id = "s", receiver_id = "r", text = "t", sent_at = 1, matched_words = ["w"],
    }, _topic);

    private byte[] Framed(Action<BinaryEncoder> body)
    {
        var header = ValidFlagged()[..ConfluentWireFormat.HeaderSize];
        using var stream = new MemoryStream();
        stream.Write(header);
        body(new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private void ShouldReject(byte[] data, string reason, long maxAllocatedBytes = 1 << 20)
    {
        var serde = Serde<streaming.FlaggedMessage>();
        serde.Deserialize(ValidFlagged()); // the reader for the id is cached; what follows measures the record alone
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => serde.Deserialize(data);

        act.Should().Throw<RecordDecodeException>().Which.ReasonCode.Should().Be(reason);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(maxAllocatedBytes);
    }

    [Fact]
    public void ShouldRejectBytesThatAreNotTheWireFormat() => ShouldReject([1, 2, 3], RejectReasons.Undecodable);

    [Fact]
    public void ShouldRejectTheWrongMagicByteWithoutAskingTheRegistry()
    {
        var data = ValidFlagged();
        data[0] = 1;
        ShouldReject(data, RejectReasons.Undecodable);
    }

    [Fact]
    public void ShouldRejectTruncatedAvro() => ShouldReject(ValidFlagged()[..^1], RejectReasons.Undecodable);

    [Fact]
    public void ShouldRejectTrailingBytes() => ShouldReject([.. ValidFlagged(), 0], RejectReasons.Undecodable);

    [Fact]
    public void ShouldRejectAOneGigabyteStringLengthWithoutAllocatingIt() =>
        ShouldReject(Framed(e => e.WriteLong(1L << 30)), RejectReasons.Undecodable);

    [Fact]
    public void ShouldRejectInvalidUtf8() =>
        ShouldReject(Framed(e => e.WriteBytes([0xC3, 0x28])), RejectReasons.Undecodable);

    [Fact]
    public void ShouldRejectAnArrayBlockCountOfOneBillionWithoutAllocatingIt() =>
        ShouldReject(Framed(e =>
        {
            foreach (var field in new[] { "m", "s", "r", "t" })
            {
                e.WriteString(field);
            }
            e.WriteLong(1);
            e.WriteArrayStart();
            e.SetItemCount(1_000_000_000);
        }), RejectReasons.Undecodable);

    [Fact]
    public void ShouldRejectAnUnknownSchemaIdAndRememberIt()
    {
        var serde = Serde<streaming.FlaggedMessage>();
        var data = ValidFlagged();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(1), int.MaxValue - 11);

        var first = () => serde.Deserialize(data);
        var second = () => serde.Deserialize(data);

        first.Should().Throw<RecordDecodeException>().Which.ReasonCode.Should().Be(RejectReasons.UnknownSchema);
        second.Should().Throw<RecordDecodeException>().WithMessage("*remembered*").Which.ReasonCode.Should().Be(RejectReasons.UnknownSchema);
    }

    [Fact]
    public void ShouldFailNamingTheUrlWhenTheRegistryIsDown()
    {
        const string url = "http://127.0.0.1:9"; // discard port: nothing listens
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = url, RequestTimeoutMs = 2000, RetriesWaitMs = 10 });
        var serde = new SpecificAvroSerde<streaming.FlaggedMessage>(client, new RegistryCalls(url, [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)]));

        var act = () => serde.Deserialize(ValidFlagged());

        act.Should().Throw<SchemaRegistryUnavailableException>().WithMessage($"Schema Registry at {url} is unreachable*");
    }
}
