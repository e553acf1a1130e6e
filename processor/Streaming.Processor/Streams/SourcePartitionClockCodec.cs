using Streaming.Processor.Domain;

namespace Streaming.Processor.Streams;

/// <summary>Binary form of <see cref="SourcePartitionClock"/> (17 bytes): version 1, stream time int64, next offset int64, big-endian.</summary>
public static class SourcePartitionClockCodec
{
    private const byte Version = 1;

    public static byte[] Encode(SourcePartitionClock clock) =>
        new StateWriter().WriteByte(Version).WriteInt64(clock.StreamTime).WriteInt64(clock.NextOffset).ToArray();

    /// <exception cref="StateCodecException">The bytes are not a version-1 clock.</exception>
    public static SourcePartitionClock Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(SourcePartitionClock));
        reader.ExpectVersion(Version);
        var clock = new SourcePartitionClock(reader.ReadInt64(), reader.ReadInt64());
        reader.ExpectEnd();
        return clock;
    }
}
