namespace Streaming.Processor.Domain;

/// <summary>
/// Binary form of <see cref="DedupEntry"/> (21 bytes): version 1, partition int32, offset int64, event time int64, all
/// big-endian.
/// </summary>
public static class DedupEntryCodec
{
    private const byte Version = 1;

    /// <summary>Encodes an entry.</summary>
    public static byte[] Encode(DedupEntry entry) =>
        new StateWriter().WriteByte(Version).WriteInt32(entry.SourcePartition).WriteInt64(entry.SourceOffset).WriteInt64(entry.EventTime).ToArray();

    /// <summary>Decodes an entry.</summary>
    /// <exception cref="StateCodecException">The bytes are not a version-1 entry.</exception>
    public static DedupEntry Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(DedupEntry));
        reader.ExpectVersion(Version);
        var entry = new DedupEntry(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64());
        reader.ExpectEnd();
        return entry;
    }
}
