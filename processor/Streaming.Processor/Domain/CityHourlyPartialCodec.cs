namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="CityHourlyPartial"/> on the repartition topic: version 1, window start int64, then the
/// accumulator's fields as in <see cref="CityHourlyAccumulatorCodec"/>. Numbers are big-endian.
/// </summary>
public static class CityHourlyPartialCodec
{
    private const byte Version = 1;

    /// <summary>Encodes a partial.</summary>
    public static byte[] Encode(CityHourlyPartial partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var writer = new StateWriter().WriteByte(Version).WriteInt64(partial.WindowStart);
        return CityHourlyAccumulatorCodec.Write(writer, partial.Accumulator).ToArray();
    }

    /// <summary>Decodes a partial.</summary>
    /// <exception cref="StateCodecException">The bytes are not a version-1 partial.</exception>
    public static CityHourlyPartial Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(CityHourlyPartial));
        reader.ExpectVersion(Version);
        var windowStart = reader.ReadInt64();
        var accumulator = CityHourlyAccumulatorCodec.Read(ref reader);
        reader.ExpectEnd();
        return new CityHourlyPartial(windowStart, accumulator);
    }
}
