using Avro.IO;
using Avro.Specific;
using Streaming.Contracts.AvroRecords.Mapping;
using Streaming.Contracts.Events;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.AvroRecords;

/// <summary>Each contract type → its Avro record → Apache.Avro bytes → back, on the edge samples.</summary>
public sealed class AvroRecordMappingTests
{
    private static TDomain ThroughAvro<TDomain, TRecord>(IAvroRecordMapping<TDomain, TRecord> mapping, TDomain value)
        where TRecord : ISpecificRecord, new()
    {
        var record = mapping.ToRecord(value);
        using var stream = new MemoryStream();
        new SpecificDatumWriter<TRecord>(record.Schema).Write(record, new BinaryEncoder(stream));
        stream.Position = 0;
        var read = new SpecificDatumReader<TRecord>(record.Schema, record.Schema).Read(default!, new BinaryDecoder(stream));
        return mapping.FromRecord(read);
    }

    [Fact]
    public void ShouldRoundTripEveryContractSample()
    {
        foreach (var v in ContractSamples.Trips) { ThroughAvro(TripEventMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.Messages) { ThroughAvro(MessageEventMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.CityHourlies) { ThroughAvro(CityHourlyMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.FlaggedMessages) { ThroughAvro(FlaggedMessageMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.StrikeStatuses) { ThroughAvro(StrikeStatusMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.Rejecteds) { ThroughAvro(RejectedMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.TripLates) { ThroughAvro(TripLateMapping.Instance, v).Should().Be(v); }
        foreach (var v in ContractSamples.MessageLates) { ThroughAvro(MessageLateMapping.Instance, v).Should().Be(v); }
    }

    [Fact]
    public void ShouldKeepDoubleBitPatternsAndTimestampLimits()
    {
        // Record equality treats -0.0 as 0.0; the bits must survive too.
        var trip = new TripEvent("t", "c", long.MinValue, long.MaxValue, -0.0, double.NaN);

        var back = ThroughAvro(TripEventMapping.Instance, trip);

        (back.PickupTs, back.DropoffTs).Should().Be((long.MinValue, long.MaxValue));
        BitConverter.DoubleToInt64Bits(back.DistanceKm).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));
        double.IsNaN(back.Fare).Should().BeTrue();
    }

    [Fact]
    public void ShouldMapFieldsByName()
    {
        var record = StrikeStatusMapping.Instance.ToRecord(new StrikeStatus("alice", 3, 2, 0.81, SenderStatus.Inactive, null, 17));

        (record.sender_id, record.active_strikes, record.level, record.salary_multiplier, record.status, record.cooldown_until, record.as_of)
            .Should().Be(("alice", 3, 2, 0.81, streaming.SenderStatus.INACTIVE, (long?)null, 17L));
        TripLateMapping.Instance.ToRecord(new TripLate(ContractSamples.Trips[1], 5, LateReason.BeyondDedupHorizon)).reason
            .Should().Be(streaming.LateReason.beyond_dedup_horizon);
        var trip = TripEventMapping.Instance.ToRecord(ContractSamples.Trips[0]);
        (trip.trip_id, trip.city, trip.pickup_ts, trip.dropoff_ts, trip.driver_id, trip.rider_id, trip.payment_type)
            .Should().Be(("t-1", "Berlin", 1756684800000L, 1756685700000L, "d-1", "r-1", "card"));
    }

    [Fact]
    public void ShouldRefuseUndefinedEnumValues()
    {
        var act = () => AvroEnumMapping.ToRecord((SenderStatus)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*7 is not a defined SenderStatus*");
    }
}
