namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="CityWindowState"/> (the window store's values): version 1, the number of upstream
/// partitions merged int32, then each (partition int32, through offset int64) in partition order, then the
/// accumulator's fields as in <see cref="CityHourlyAccumulatorCodec"/>. Numbers are big-endian.
/// </summary>
public static class CityWindowStateCodec
{
    private const byte Version = 1;

    public static byte[] Encode(CityWindowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var writer = new StateWriter().WriteByte(Version).WriteInt32(state.MergedThrough.Count);
        foreach (var (partition, through) in state.MergedThrough.OrderBy(e => e.Key))
        {
            writer.WriteInt32(partition).WriteInt64(through);
        }
        return CityHourlyAccumulatorCodec.Write(writer, state.Accumulator).ToArray();
    }

    /// <exception cref="StateCodecException">The bytes are not a version-1 window state.</exception>
    public static CityWindowState Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(CityWindowState));
        reader.ExpectVersion(Version);
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new StateCodecException($"{nameof(CityWindowState)}: negative partition count {count}.");
        }
        var merged = new List<KeyValuePair<int, long>>();
        for (var i = 0; i < count; i++)
        {
            merged.Add(KeyValuePair.Create(reader.ReadInt32(), reader.ReadInt64()));
        }
        var accumulator = CityHourlyAccumulatorCodec.Read(ref reader);
        reader.ExpectEnd();
        return CityWindowState.FromParts(accumulator, merged);
    }
}
