using FsCheck;
using FsCheck.Fluent;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.Avro;

public sealed class TypedCodecTests
{
    [Fact]
    public void ShouldRoundTripEverySampleThroughItsTypedCodec()
    {
        foreach (var sample in ContractSamples.All())
        {
            sample.DecodeTyped(sample.TypedBytes).Should().Be(sample.Typed, because: sample.TypeName);
        }
    }

    [Fact]
    public void ShouldEncodeEverySampleExactlyAsTheGenericWriterDoesFromTheSchema()
    {
        foreach (var sample in ContractSamples.All())
        {
            var generic = GenericData.Encode(sample.Schema, sample.Generic);

            sample.TypedBytes.Should().Equal(generic, because: sample.ToString());
            GenericData.DeepEquals(GenericData.Decode(sample.Schema, sample.TypedBytes), sample.Generic).Should().BeTrue(sample.ToString());
        }
    }

    [Fact]
    public void ShouldEncodeAKnownTripToTheBytesTheSpecDefines()
    {
        var trip = new TripEvent("t1", "B", 1, -1, 1.0, 0.5, null, "r", null);

        var bytes = AvroCodecs.TripEvent.Encode(trip);

        // "t1" (len 2 → 04), "B" (len 1 → 02), zig-zag 1 → 02, -1 → 01, 1.0 and 0.5 as LE doubles, null branch 0, branch 1 + "r", null branch 0.
        Convert.ToHexString(bytes).Should().Be("04" + "7431" + "02" + "42" + "02" + "01" + "000000000000F03F" + "000000000000E03F" + "00" + "02" + "0272" + "00");
    }

    [Fact]
    public void ShouldMatchGenericEncodingForRandomTrips() =>
        Properties.Check(Generators.Trip, trip => RoundTripsAndMatchesGeneric(trip));

    [Fact]
    public void ShouldMatchGenericEncodingForRandomMessages() =>
        Properties.Check(Generators.Message, message => RoundTripsAndMatchesGeneric(message));

    [Fact]
    public void ShouldMatchGenericEncodingForRandomFlaggedMessages() =>
        Properties.Check(Generators.Flagged, flagged => RoundTripsAndMatchesGeneric(flagged));

    [Fact]
    public void ShouldMatchGenericEncodingForRandomStrikeStatuses() =>
        Properties.Check(Generators.Strike, status => RoundTripsAndMatchesGeneric(status));

    [Fact]
    public void ShouldMatchGenericEncodingForRandomRejected() =>
        Properties.Check(Generators.Rejected, rejected => RoundTripsAndMatchesGeneric(rejected));

    [Fact]
    public void ShouldMatchGenericEncodingForRandomCityHourlyAndLateRecords()
    {
        Properties.Check(Generators.CityHourly, c => RoundTripsAndMatchesGeneric(c));
        Properties.Check(Generators.TripLate, l => RoundTripsAndMatchesGeneric(l));
        Properties.Check(Generators.MessageLate, l => RoundTripsAndMatchesGeneric(l));
    }

    [Fact]
    public void ShouldNameTheFieldWhenARequiredStringIsNull()
    {
        var act = () => AvroCodecs.TripEvent.Encode(new TripEvent("t", null!, 0, 0, 0, 0));

        act.Should().Throw<AvroException>().WithMessage("TripEvent.city is null*");
    }

    [Fact]
    public void ShouldNameTheNestedFieldWhenALateTripHasANullCity()
    {
        var act = () => AvroCodecs.TripLate.Encode(new TripLate(new TripEvent("t", null!, 0, 0, 0, 0), 0, LateReason.WindowClosed));

        act.Should().Throw<AvroException>().WithMessage("TripLate.trip.city is null*");
    }

    [Fact]
    public void ShouldRejectAnUndefinedEnumValueOnWrite()
    {
        var act = () => AvroCodecs.StrikeStatus.Encode(new StrikeStatus("s", 0, 0, 1, (SenderStatus)7, null, 0));

        act.Should().Throw<AvroException>().WithMessage("*StrikeStatus.status*7*");
    }

    [Fact]
    public void ShouldAppendToACallerBufferAndReuseTheThreadBuffer()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        AvroCodecs.MessageEvent.Encode(ContractSamples.Messages[0], buffer);
        AvroCodecs.MessageEvent.Encode(ContractSamples.Messages[1], buffer);

        var first = AvroCodecs.MessageEvent.Encode(ContractSamples.Messages[0]);
        var second = AvroCodecs.MessageEvent.Encode(ContractSamples.Messages[1]);

        buffer.WrittenSpan.ToArray().Should().Equal([.. first, .. second]);
        first.Should().NotBeSameAs(second);
    }

    private static bool RoundTripsAndMatchesGeneric<T>(T value)
        where T : notnull
    {
        var codec = AvroCodecs.For<T>();
        var typed = codec.Encode(value);
        var generic = GenericData.Encode(codec.Schema, DomainGeneric.ToGeneric(value));
        return typed.AsSpan().SequenceEqual(generic) && codec.Decode(typed)!.Equals(value);
    }
}
