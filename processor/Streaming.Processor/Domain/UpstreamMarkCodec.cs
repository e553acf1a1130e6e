namespace Streaming.Processor.Domain;

/// <summary>Binary form of <see cref="UpstreamMark"/> (14 bytes): version 1, watermark int64, end flag, partition count int32, big-endian.</summary>
public static class UpstreamMarkCodec
{
    private const byte Version = 1;

    public static byte[] Encode(UpstreamMark mark) =>
        new StateWriter().WriteByte(Version).WriteInt64(mark.Watermark).WriteByte(mark.EndOfInput ? (byte)1 : (byte)0).WriteInt32(mark.UpstreamPartitions).ToArray();

    /// <exception cref="StateCodecException">The bytes are not a version-1 mark.</exception>
    public static UpstreamMark Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(UpstreamMark));
        reader.ExpectVersion(Version);
        var mark = new UpstreamMark(reader.ReadInt64(), reader.ReadByte() != 0, reader.ReadInt32());
        reader.ExpectEnd();
        return mark;
    }
}
