using System.Buffers.Binary;
using Confluent.Kafka;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Contracts.Tests.Support;
using Streaming.TestSupport;

namespace Streaming.Contracts.Tests.Serialization;

/// <summary>The contract serdes (mapping plus <c>SpecificAvroSerde</c>) against the dev Schema Registry.</summary>
public sealed class AvroSerdeTests
{
    private static readonly TripEvent s_trip = ContractSamples.Trips[0];
    private static readonly AvroSerdes s_serdes = DevRegistry.Serdes;

    private static string NewTopic() => "serde-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ShouldFrameWithMagicByteAndTheRegisteredIdBigEndian()
    {
        var topic = NewTopic();
        var id = await s_serdes.TripEvent.RegisterAsync(topic);

        var bytes = s_serdes.TripEvent.Serialize(s_trip, new SerializationContext(MessageComponentType.Value, topic));

        bytes[0].Should().Be(0);
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)).Should().Be(id);
        (await s_serdes.Registry.GetLatestSchemaAsync(topic + "-value")).Id.Should().Be(id);
    }

    [Fact]
    public void ShouldRoundTripEveryContractTypeThroughItsSerde()
    {
        RoundTrip(s_serdes.TripEvent, ContractSamples.Trips);
        RoundTrip(s_serdes.MessageEvent, ContractSamples.Messages);
        RoundTrip(s_serdes.CityHourly, ContractSamples.CityHourlies);
        RoundTrip(s_serdes.FlaggedMessage, ContractSamples.FlaggedMessages);
        RoundTrip(s_serdes.StrikeStatus, ContractSamples.StrikeStatuses);
        RoundTrip(s_serdes.Rejected, ContractSamples.Rejecteds);
        RoundTrip(s_serdes.TripLate, ContractSamples.TripLates);
        RoundTrip(s_serdes.MessageLate, ContractSamples.MessageLates);
    }

    [Fact]
    public void ShouldFindEachSerdeByItsContractType()
    {
        s_serdes.For<StrikeStatus>().Should().BeSameAs(s_serdes.StrikeStatus);
        var act = () => s_serdes.For<string>();
        act.Should().Throw<ArgumentException>().WithMessage("String is not a contract type*");
    }

    [Fact]
    public void ShouldRefuseToSerializeAKey()
    {
        var act = () => s_serdes.TripEvent.Serialize(s_trip, new SerializationContext(MessageComponentType.Key, "trips"));

        act.Should().Throw<NotSupportedException>().WithMessage("*UTF-8*");
    }

    [Fact]
    public void ShouldSerializeNullAsNullAndDeserializeNullAsNull()
    {
        var context = new SerializationContext(MessageComponentType.Value, "trips");

        s_serdes.TripEvent.Serialize(null!, context).Should().BeNull();
        s_serdes.TripEvent.Deserialize(ReadOnlySpan<byte>.Empty, isNull: true, context).Should().BeNull();
    }

    [Fact]
    public void ShouldRejectABadMagicByteAsUndecodable()
    {
        var bytes = s_serdes.TripEvent.Serialize(s_trip, NewTopic());
        bytes[0] = 7;

        var act = () => s_serdes.TripEvent.Deserialize(bytes);

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.Undecodable)
            .WithMessage("record starts with byte 0x07, not the Confluent wire-format magic byte 0x00");
    }

    [Fact]
    public void ShouldRejectTooShortInputAsUndecodable()
    {
        var act = () => s_serdes.TripEvent.Deserialize([0, 0, 1]);

        act.Should().Throw<RecordDecodeException>().Where(e => e.ReasonCode == RejectReasons.Undecodable).WithMessage("*3 bytes*");
    }

    [Fact]
    public void ShouldRejectATruncatedPayloadAsUndecodable()
    {
        var bytes = s_serdes.TripEvent.Serialize(s_trip, NewTopic());
        var id = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1));

        var act = () => s_serdes.TripEvent.Deserialize(bytes[..^3]);

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.Undecodable && e.SchemaId == id)
            .WithMessage($"TripEvent (schema id {id}): *");
    }

    [Fact]
    public void ShouldRejectTrailingBytesAsUndecodable()
    {
        byte[] bytes = [.. s_serdes.TripEvent.Serialize(s_trip, NewTopic()), 0x00];

        var act = () => s_serdes.TripEvent.Deserialize(bytes);

        act.Should().Throw<RecordDecodeException>().Where(e => e.ReasonCode == RejectReasons.Undecodable);
    }

    [Fact]
    public void ShouldRejectAnotherContractsSchemaIdAsUnknownSchema()
    {
        var messageBytes = s_serdes.MessageEvent.Serialize(ContractSamples.Messages[0], NewTopic());
        var id = BinaryPrimitives.ReadInt32BigEndian(messageBytes.AsSpan(1));

        var act = () => s_serdes.TripEvent.Deserialize(messageBytes);

        act.Should().Throw<RecordDecodeException>()
            .Where(e => e.ReasonCode == RejectReasons.UnknownSchema && e.SchemaId == id)
            .WithMessage($"schema id {id} is streaming.MessageEvent, not the streaming.TripEvent this consumer reads");
    }

    [Fact]
    public void ShouldShareSchemaIdsBetweenIndependentClients()
    {
        // Producer and processor are separate processes, each with its own client of the same registry.
        using var producerSide = new AvroSerdes(DevRegistry.Settings);
        using var processorSide = new AvroSerdes(DevRegistry.Settings);
        var topic = NewTopic();

        var bytes = producerSide.StrikeStatus.Serialize(ContractSamples.StrikeStatuses[0], topic);

        processorSide.StrikeStatus.Deserialize(bytes).Should().Be(ContractSamples.StrikeStatuses[0]);
        processorSide.StrikeStatus.Serialize(ContractSamples.StrikeStatuses[0], topic).Should().Equal(bytes);
    }

    [Fact]
    public void ShouldSerializeConcurrentlyFromManyThreads()
    {
        var topic = NewTopic();
        var expected = ContractSamples.Trips.Select(t => s_serdes.TripEvent.Serialize(t, topic)).ToList();

        Parallel.For(0, 4_000, i =>
        {
            var index = i % ContractSamples.Trips.Count;
            var bytes = s_serdes.TripEvent.Serialize(ContractSamples.Trips[index], topic);
            if (!bytes.AsSpan().SequenceEqual(expected[index]))
            {
                throw new InvalidOperationException($"serialization {i} differs");
            }
            s_serdes.TripEvent.Deserialize(bytes).Should().Be(ContractSamples.Trips[index]);
        });
    }

    private static void RoundTrip<T>(AvroSerde<T> serde, IEnumerable<T> values)
    {
        var context = new SerializationContext(MessageComponentType.Value, NewTopic());
        foreach (var value in values)
        {
            var bytes = serde.Serialize(value, context);
            serde.Deserialize(bytes, isNull: false, context).Should().Be(value);
        }
    }
}
