using Confluent.Kafka;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Contracts.SchemaRegistry;
using Streaming.Contracts.Serialization;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.Serialization;

public sealed class AvroSerdeTests
{
    private static readonly TripEvent s_trip = ContractSamples.Trips[0];

    [Fact]
    public void ShouldFrameWithMagicByteAndBigEndianSchemaIdThenTheAvroPayload()
    {
        var serde = new AvroSerde<TripEvent>(new MockSchemaRegistry());

        var bytes = serde.Serialize(s_trip, new SerializationContext(MessageComponentType.Value, "trips"));

        bytes[..5].Should().Equal(0, 0, 0, 0, 1);
        bytes[5..].Should().Equal(AvroCodecs.TripEvent.Encode(s_trip));
    }

    [Fact]
    public void ShouldWriteALargeSchemaIdBigEndian()
    {
        var framed = ConfluentWireFormat.Frame(0x01020304, [0xAA]);

        framed.Should().Equal(0x00, 0x01, 0x02, 0x03, 0x04, 0xAA);
        ConfluentWireFormat.ReadHeader(framed, out var payload).Should().Be(0x01020304);
        payload.ToArray().Should().Equal(0xAA);
    }

    [Fact]
    public void ShouldRoundTripEveryContractTypeThroughItsSerde()
    {
        var serdes = new AvroSerdes(new MockSchemaRegistry());

        RoundTrip(serdes.TripEvent, ContractSamples.Trips);
        RoundTrip(serdes.MessageEvent, ContractSamples.Messages);
        RoundTrip(serdes.CityHourly, ContractSamples.CityHourlies);
        RoundTrip(serdes.FlaggedMessage, ContractSamples.FlaggedMessages);
        RoundTrip(serdes.StrikeStatus, ContractSamples.StrikeStatuses);
        RoundTrip(serdes.Rejected, ContractSamples.Rejecteds);
        RoundTrip(serdes.TripLate, ContractSamples.TripLates);
        RoundTrip(serdes.MessageLate, ContractSamples.MessageLates);
        RoundTrip(serdes.StringKey, ContractSamples.Keys, isKey: true);
    }

    [Fact]
    public void ShouldRegisterUnderTopicValueAndTopicKeySubjects()
    {
        var registry = new MockSchemaRegistry();
        var serdes = new AvroSerdes(registry);

        serdes.TripEvent.Serialize(s_trip, "trips.clean");
        serdes.StringKey.Serialize("t-1", new SerializationContext(MessageComponentType.Key, "trips.clean"));

        registry.GetVersions("trips.clean-value").Should().Equal(1);
        registry.GetVersions("trips.clean-key").Should().Equal(9);
    }

    [Fact]
    public void ShouldSerializeNullAsNullAndDeserializeNullAsNull()
    {
        var serde = new AvroSerde<TripEvent>(new MockSchemaRegistry());
        var context = new SerializationContext(MessageComponentType.Value, "trips");

        serde.Serialize(null!, context).Should().BeNull();
        serde.Deserialize(ReadOnlySpan<byte>.Empty, isNull: true, context).Should().BeNull();
    }

    [Fact]
    public void ShouldRejectABadMagicByteAsUndecodable()
    {
        var serde = new AvroSerde<TripEvent>(new MockSchemaRegistry());
        var bytes = serde.Serialize(s_trip, "trips");
        bytes[0] = 7;

        var act = () => serde.Deserialize(bytes);

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.Undecodable)
            .WithMessage("record starts with byte 0x07, not the Confluent wire-format magic byte 0x00");
    }

    [Fact]
    public void ShouldRejectTooShortInputAsUndecodable()
    {
        var act = () => new AvroSerde<TripEvent>(new MockSchemaRegistry()).Deserialize(new byte[] { 0, 0, 1 });

        act.Should().Throw<RecordDecodeException>().Where(e => e.ReasonCode == RejectReasons.Undecodable).WithMessage("*3 bytes*");
    }

    [Fact]
    public void ShouldRejectATruncatedPayloadAsUndecodableNamingTheField()
    {
        var serde = new AvroSerde<TripEvent>(new MockSchemaRegistry());
        var bytes = serde.Serialize(s_trip, "trips");

        var act = () => serde.Deserialize(bytes.AsSpan(0, bytes.Length - 3));

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.Undecodable && e.SchemaId == 1 && e.InnerException is AvroException)
            .WithMessage("schema id 1: cannot decode field 'TripEvent.*");
    }

    [Fact]
    public void ShouldRejectAnUnregisteredSchemaIdAsUnknownSchema()
    {
        var serde = new AvroSerde<TripEvent>(new MockSchemaRegistry());
        var bytes = ConfluentWireFormat.Frame(999, AvroCodecs.TripEvent.Encode(s_trip));

        var act = () => serde.Deserialize(bytes);

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.UnknownSchema && e.SchemaId == 999)
            .WithMessage("schema id 999 is not registered");
    }

    [Fact]
    public void ShouldRejectAnotherContractsSchemaIdAsUnknownSchema()
    {
        var registry = new MockSchemaRegistry();
        var messageBytes = new AvroSerde<MessageEvent>(registry).Serialize(ContractSamples.Messages[0], "messages");

        var act = () => new AvroSerde<TripEvent>(registry).Deserialize(messageBytes);

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.UnknownSchema && e.SchemaId == 2)
            .WithMessage("schema id 2 is not the streaming.TripEvent schema this consumer reads");
    }

    [Fact]
    public async Task ShouldAcceptAnotherIdWhoseSchemaHasTheSameCanonicalForm()
    {
        var registry = new MockSchemaRegistry();
        // Same record without docs or logical types: a different text, the same canonical form, so the seed id 1 is reused.
        var id = await registry.RegisterAsync("trips-value", AvroCodecs.TripEvent.Schema.CanonicalForm);
        var bytes = ConfluentWireFormat.Frame(id, AvroCodecs.TripEvent.Encode(s_trip));

        new AvroSerde<TripEvent>(registry).Deserialize(bytes).Should().Be(s_trip);
        id.Should().Be(1);
    }

    [Fact]
    public void ShouldAgreeOnSchemaIdsAcrossIndependentRegistries()
    {
        // Producer and processor run in separate processes, each with its own mock registry.
        var producerSide = new AvroSerdes(new MockSchemaRegistry());
        var processorSide = new AvroSerdes(new MockSchemaRegistry());

        var bytes = producerSide.StrikeStatus.Serialize(ContractSamples.StrikeStatuses[0], "senders.strike-status");

        processorSide.StrikeStatus.Deserialize(bytes).Should().Be(ContractSamples.StrikeStatuses[0]);
        bytes[..5].Should().Equal(0, 0, 0, 0, 5);
    }

    [Fact]
    public void ShouldSerializeConcurrentlyFromManyThreads()
    {
        var serde = new AvroSerde<TripEvent>(new MockSchemaRegistry());
        var expected = ContractSamples.Trips.Select(t => serde.Serialize(t, "trips")).ToList();

        Parallel.For(0, 4_000, i =>
        {
            var index = i % ContractSamples.Trips.Count;
            var bytes = serde.Serialize(ContractSamples.Trips[index], "trips");
            if (!bytes.AsSpan().SequenceEqual(expected[index]))
            {
                throw new InvalidOperationException($"serialization {i} differs");
            }
            serde.Deserialize(bytes).Should().Be(ContractSamples.Trips[index]);
        });
    }

    private static void RoundTrip<T>(AvroSerde<T> serde, IEnumerable<T> values, bool isKey = false)
    {
        var component = isKey ? MessageComponentType.Key : MessageComponentType.Value;
        foreach (var value in values)
        {
            var context = new SerializationContext(component, "topic-" + typeof(T).Name);
            var bytes = serde.Serialize(value, context);
            serde.Deserialize(bytes, isNull: false, context).Should().Be(value);
        }
    }
}
