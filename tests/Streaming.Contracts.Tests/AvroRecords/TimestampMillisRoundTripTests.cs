using Avro.IO;
using Avro.Specific;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.AvroRecords;

/// <summary>
/// timestamp-millis fields are epoch-millisecond longs (EpochMillisTimestamp), so every millisecond of years 1–9999
/// survives Apache.Avro's writer and reader unchanged, in any time zone. scripts/test.sh runs this class a second
/// time under TZ=America/New_York.
/// </summary>
public sealed class TimestampMillisRoundTripTests
{
    private const long FirstMillisOfYear1 = -62_135_596_800_000; // 0001-01-01T00:00:00.000Z
    private const long LastMillisOfYear9999 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

    private static IReadOnlyList<long> Timestamps()
    {
        var random = new Random(20261202);
        var values = new List<long> { FirstMillisOfYear1, LastMillisOfYear9999, -1, 0, 1, long.MinValue, long.MaxValue };
        values.AddRange(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(FirstMillisOfYear1, LastMillisOfYear9999 + 1)));
        return values;
    }

    private static byte[] Write<T>(T record) where T : ISpecificRecord
    {
        using var stream = new MemoryStream();
        new SpecificDatumWriter<T>(record.Schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private static T Read<T>(byte[] bytes) where T : ISpecificRecord, new()
    {
        var schema = new T().Schema;
        return new SpecificDatumReader<T>(schema, schema).Read(default!, new BinaryDecoder(new MemoryStream(bytes)));
    }

    private static streaming.TripEvent Trip(long pickup, long dropoff) => new()
    {
        trip_id = "t", city = "c", pickup_ts = pickup, dropoff_ts = dropoff, distance_km = 1, fare = 2,
    };

    [Fact]
    public void ShouldKeepEveryMillisecondOfYearsOneToNineThousandNineHundredNinetyNine()
    {
        var timestamps = Timestamps();
        for (var i = 0; i < timestamps.Count; i++)
        {
            var pickup = timestamps[i];
            var dropoff = timestamps[^(i + 1)];
            var read = Read<streaming.TripEvent>(Write(Trip(pickup, dropoff)));
            (read.pickup_ts, read.dropoff_ts).Should().Be((pickup, dropoff), $"TZ={TimeZoneInfo.Local.Id}");
        }
    }

    [Fact]
    public void ShouldKeepAnOptionalTimestampAndItsAbsence()
    {
        foreach (var cooldown in new long?[] { null, FirstMillisOfYear1, -1, 0, LastMillisOfYear9999 })
        {
            var status = new streaming.StrikeStatus
            {
                sender_id = "s", active_strikes = 1, level = 1, salary_multiplier = 0.9,
                status = streaming.SenderStatus.ACTIVE, cooldown_until = cooldown, as_of = 5,
            };
            Read<streaming.StrikeStatus>(Write(status)).cooldown_until.Should().Be(cooldown);
        }
    }

    [Fact]
    public async Task ShouldWriteTheMillisecondsAvscReads()
    {
        var timestamps = Timestamps().Take(2_000).ToList();
        var schema = new streaming.TripEvent().Schema.ToString();

        var decoded = await AvscOracle.DecodeAsync(timestamps.Select(t => (schema, Write(Trip(t, -t)))));

        decoded.Select(d => long.Parse(d.GetProperty("pickup_ts").GetString()!)).Should().Equal(timestamps);
        decoded.Select(d => long.Parse(d.GetProperty("dropoff_ts").GetString()!)).Should().Equal(timestamps.Select(t => -t));
    }

    [Fact]
    public void ShouldRunInTheZoneTheTzVariableNames()
    {
        // Guards the TZ=America/New_York run of scripts/test.sh: .NET must honour TZ, or that run proves nothing.
        var tz = Environment.GetEnvironmentVariable("TZ");
        var expected = string.IsNullOrEmpty(tz) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(tz);

        TimeZoneInfo.Local.GetUtcOffset(new DateTime(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc))
            .Should().Be(expected.GetUtcOffset(new DateTime(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
    }
}
