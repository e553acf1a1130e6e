namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="CityHourlyPartial"/> on the repartition topic: version 2, window start int64, upstream
/// partition int32, through offset int64, then the accumulator's fields as in <see cref="CityHourlyAccumulatorCodec"/>.
/// Numbers are big-endian.
/// </summary>
public static class CityHourlyPartialCodec
{
    private const byte Version = 2;

    /// <summary>Encodes a partial.</summary>
    public static byte[] Encode(CityHourlyPartial partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var writer = new StateWriter().WriteByte(Version).WriteInt64(partial.WindowStart).WriteInt32(partial.UpstreamPartition).WriteInt64(partial.ThroughOffset);
        return CityHourlyAccumulatorCodec.Write(writer, partial.Accumulator).ToArray();
    }

    /// <summary>Decodes a partial.</summary>
    /// <exception cref="StateCodecException">The bytes are not a version-2 partial.</exception>
    public static CityHourlyPartial Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(CityHourlyPartial));
        reader.ExpectVersion(Version);
        var windowStart = reader.ReadInt64();
        var upstreamPartition = reader.ReadInt32();
        var throughOffset = reader.ReadInt64();
        var accumulator = CityHourlyAccumulatorCodec.Read(ref reader);
        reader.ExpectEnd();
        return new CityHourlyPartial(windowStart, accumulator, upstreamPartition, throughOffset);
    }
}
