using System.Numerics;

namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="CityHourlyAccumulator"/>: version 1, trips int64, fare sum, fare min double, fare max
/// double, distance sum, duration sum int64. An exact sum is its exponent int32 and its mantissa as length-prefixed
/// two's-complement little-endian bytes (<see cref="BigInteger.ToByteArray()"/>). Numbers are big-endian.
/// </summary>
/// <remarks>Equal accumulators encode to equal bytes, whatever the order their trips were added in.</remarks>
public static class CityHourlyAccumulatorCodec
{
    private const byte Version = 1;

    /// <summary>Encodes an accumulator.</summary>
    public static byte[] Encode(CityHourlyAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        return Write(new StateWriter().WriteByte(Version), accumulator).ToArray();
    }

    /// <summary>Writes the fields of an accumulator (no version byte), for codecs that embed one.</summary>
    internal static StateWriter Write(StateWriter writer, CityHourlyAccumulator accumulator)
    {
        writer.WriteInt64(accumulator.Trips);
        WriteSum(writer, accumulator.FareSum);
        writer.WriteDouble(accumulator.FareMin).WriteDouble(accumulator.FareMax);
        WriteSum(writer, accumulator.DistanceKmSum);
        return writer.WriteInt64(accumulator.DurationSumMs);
    }

    /// <summary>Decodes an accumulator.</summary>
    /// <exception cref="StateCodecException">The bytes are not a version-1 accumulator.</exception>
    public static CityHourlyAccumulator Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(CityHourlyAccumulator));
        reader.ExpectVersion(Version);
        var accumulator = Read(ref reader);
        reader.ExpectEnd();
        return accumulator;
    }

    /// <summary>Reads the fields written by <see cref="Write"/>.</summary>
    internal static CityHourlyAccumulator Read(ref StateReader reader)
    {
        var trips = reader.ReadInt64();
        var fareSum = ReadSum(ref reader);
        var fareMin = reader.ReadDouble();
        var fareMax = reader.ReadDouble();
        var distanceSum = ReadSum(ref reader);
        var durationSum = reader.ReadInt64();
        return CityHourlyAccumulator.FromParts(trips, fareSum, fareMin, fareMax, distanceSum, durationSum);
    }

    private static void WriteSum(StateWriter writer, ExactDoubleSum sum) =>
        writer.WriteInt32(sum.Exponent).WriteBytes(sum.Mantissa.ToByteArray());

    private static ExactDoubleSum ReadSum(ref StateReader reader)
    {
        var exponent = reader.ReadInt32();
        var mantissa = new BigInteger(reader.ReadBytes());
        return ExactDoubleSum.FromParts(mantissa, exponent);
    }
}
