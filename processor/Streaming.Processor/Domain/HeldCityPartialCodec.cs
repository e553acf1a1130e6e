namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="HeldCityPartial"/> (the partials store's values): version 1, through offset int64, then
/// the accumulator's fields as in <see cref="CityHourlyAccumulatorCodec"/>. Numbers are big-endian.
/// </summary>
public static class HeldCityPartialCodec
{
    private const byte Version = 1;

    public static byte[] Encode(HeldCityPartial held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return CityHourlyAccumulatorCodec.Write(new StateWriter().WriteByte(Version).WriteInt64(held.ThroughOffset), held.Accumulator).ToArray();
    }

    /// <exception cref="StateCodecException">The bytes are not a version-1 held partial.</exception>
    public static HeldCityPartial Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(HeldCityPartial));
        reader.ExpectVersion(Version);
        var through = reader.ReadInt64();
        var accumulator = CityHourlyAccumulatorCodec.Read(ref reader);
        reader.ExpectEnd();
        return new HeldCityPartial(accumulator, through);
    }
}
