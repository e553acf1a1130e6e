using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.Avro;

/// <summary>Decoding hostile bytes: only <see cref="AvroException"/>, never a huge allocation.</summary>
public sealed class UntrustedInputTests
{
    [Fact]
    public void ShouldRejectAStringLengthOfTwoToThe31InFiveBytesWithoutAllocating()
    {
        // zig-zag(2^31) = 2^32 as a varint: 80 80 80 80 10.
        var bytes = Convert.FromHexString("8080808010");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => AvroCodecs.StringKey.Decode(bytes);

        act.Should().Throw<AvroException>().WithMessage("cannot decode field 'key' at byte offset 0: string length 2147483648 exceeds the 0 remaining bytes");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }

    [Fact]
    public void ShouldRejectAVarintLongerThanTenBytes()
    {
        var bytes = Convert.FromHexString("FFFFFFFFFFFFFFFFFFFF01");

        var act = () => GenericData.Decode(AvroSchemaParser.Parse("\"long\""), bytes);

        act.Should().Throw<AvroException>().WithMessage("*offset 0: varint is longer than 10 bytes*");
    }

    [Fact]
    public void ShouldReadTheLongestValidVarints()
    {
        GenericData.Decode(AvroSchemaParser.Parse("\"long\""), Convert.FromHexString("FEFFFFFFFFFFFFFFFF01")).Should().Be(long.MaxValue);
        GenericData.Decode(AvroSchemaParser.Parse("\"long\""), Convert.FromHexString("FFFFFFFFFFFFFFFFFF01")).Should().Be(long.MinValue);
    }

    [Fact]
    public void ShouldRejectAnIntOutsideThe32BitRange()
    {
        var act = () => GenericData.Decode(AvroSchemaParser.Parse("\"int\""), Convert.FromHexString("8080808020"));

        act.Should().Throw<AvroException>().WithMessage("*int value 4294967296 is outside the 32-bit range*");
    }

    [Fact]
    public void ShouldRejectABadUnionIndexNamingTheField()
    {
        // TripEvent with valid fields up to driver_id, whose union index is 2 (zig-zag 04).
        var good = AvroCodecs.TripEvent.Encode(new Events.TripEvent("t", "c", 0, 0, 0, 0));
        var bad = good.ToArray();
        bad[^3] = 0x04;

        var act = () => AvroCodecs.TripEvent.Decode(bad);

        act.Should().Throw<AvroException>().WithMessage($"cannot decode field 'TripEvent.driver_id' at byte offset {bad.Length - 3}: union index 2 is out of range (the union has 2 branches)");
    }

    [Fact]
    public void ShouldRejectABadEnumIndexNamingTheField()
    {
        var good = AvroCodecs.TripLate.Encode(ContractSamples.TripLates[0]);
        var bad = good.ToArray();
        bad[^1] = 0x06;

        var act = () => AvroCodecs.TripLate.Decode(bad);

        act.Should().Throw<AvroException>().WithMessage("*'TripLate.reason'*enum index 3 is out of range*");
    }

    [Fact]
    public void ShouldRejectAnArrayCountBeyondTheInput()
    {
        var message = AvroCodecs.FlaggedMessage.Encode(new Events.FlaggedMessage("m", "s", "r", "t", 0, []));
        // Replace the terminating 0 with a block count of 2^40 items.
        var bad = message[..^1].Concat(Convert.FromHexString("808080808040")).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => AvroCodecs.FlaggedMessage.Decode(bad);

        act.Should().Throw<AvroException>().WithMessage("*'FlaggedMessage.matched_words'*block count*exceeds*");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }

    [Fact]
    public void ShouldRejectANullArrayOfAHugeCountWithoutLooping()
    {
        var schema = AvroSchemaParser.Parse("""{"type":"array","items":"null"}""");
        var bytes = Convert.FromHexString("FEFFFFFFFFFFFFFFFF01");

        var act = () => GenericData.Decode(schema, bytes);

        act.Should().Throw<AvroException>().WithMessage("*block count 9223372036854775807 exceeds*");
    }

    [Fact]
    public void ShouldRejectNegativeBlockCountOfLongMinValue()
    {
        var schema = AvroSchemaParser.Parse("""{"type":"array","items":"int"}""");

        var act = () => GenericData.Decode(schema, Convert.FromHexString("FFFFFFFFFFFFFFFFFF01"));

        act.Should().Throw<AvroException>().WithMessage("*long.MinValue*");
    }

    [Fact]
    public void ShouldRejectTrailingBytes()
    {
        var bytes = AvroCodecs.MessageEvent.Encode(ContractSamples.Messages[0]).Append((byte)0).ToArray();

        var act = () => AvroCodecs.MessageEvent.Decode(bytes);

        act.Should().Throw<AvroException>().WithMessage("*1 trailing bytes*");
    }

    [Fact]
    public void ShouldRejectADeeplyNestedRecursiveValue()
    {
        var schema = AvroSchemaParser.Parse("""{"name":"L","type":"record","fields":[{"name":"next","type":["null","L"]}]}""");
        var bytes = Enumerable.Repeat((byte)0x02, 100_000).Append((byte)0).ToArray();

        var act = () => GenericData.Decode(schema, bytes);

        act.Should().Throw<AvroException>().WithMessage("*deeper than 200 levels*");
    }

    [Fact]
    public void ShouldThrowOnlyAvroExceptionForEveryTruncationOfEverySample()
    {
        foreach (var sample in ContractSamples.All().Where(s => s.TypedBytes.Length < 20_000))
        {
            for (var length = 0; length < sample.TypedBytes.Length; length++)
            {
                var prefix = sample.TypedBytes[..length];
                AssertOnlyAvroException(() => sample.DecodeTyped(prefix), sample, length);
                AssertOnlyAvroException(() => GenericData.Decode(sample.Schema, prefix), sample, length);
            }
        }
    }

    [Fact]
    public void ShouldThrowOnlyAvroExceptionAndAllocateBoundedMemoryForRandomMutations()
    {
        var samples = ContractSamples.All().Where(s => s.TypedBytes.Length < 5_000).ToList();
        samples.Add(new Sample("KitchenSink", new object(), KitchenSink.Schema, null,
            GenericData.Encode(KitchenSink.Schema, KitchenSink.RandomValue(KitchenSink.Schema, new Random(7))), b => GenericData.Decode(KitchenSink.Schema, b)!));
        var random = new Random(12345);
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var sample = samples[random.Next(samples.Count)];
            var bytes = Mutate(sample.TypedBytes, random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            AssertOnlyAvroException(() => sample.DecodeTyped(bytes), sample, bytes.Length);
            AssertOnlyAvroException(() => GenericData.Decode(sample.Schema, bytes), sample, bytes.Length);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThan((1 << 20) + (200L * bytes.Length), $"decoding {bytes.Length} mutated bytes of {sample.TypeName}");
        }
    }

    [Fact]
    public void ShouldThrowOnlyAvroExceptionForRandomBytes()
    {
        var random = new Random(99);
        AvroSchema[] schemas =
        [
            AvroCodecs.TripEvent.Schema, AvroCodecs.FlaggedMessage.Schema, AvroCodecs.Rejected.Schema, AvroCodecs.StrikeStatus.Schema, KitchenSink.Schema,
        ];
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var schema = schemas[random.Next(schemas.Length)];
            AssertOnlyAvroException(() => GenericData.Decode(schema, bytes), null, bytes.Length);
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToArray();
        switch (random.Next(4))
        {
            case 0 when bytes.Length > 0:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                break;
            case 1 when bytes.Length > 0:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 2:
                var insert = new byte[random.Next(1, 11)];
                random.NextBytes(insert);
                var at = random.Next(bytes.Length + 1);
                bytes = [.. bytes[..at], .. insert, .. bytes[at..]];
                break;
            default:
                bytes = bytes[..random.Next(bytes.Length + 1)];
                break;
        }
        return bytes;
    }

    private static void AssertOnlyAvroException(Action decode, Sample? sample, int length)
    {
        try
        {
            decode();
        }
        catch (AvroException)
        {
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"decoding {length} bytes of {sample?.TypeName} threw {ex.GetType().Name}: {ex.Message}");
        }
    }
}
