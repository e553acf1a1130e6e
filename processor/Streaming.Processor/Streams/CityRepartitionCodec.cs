using Streaming.Processor.Domain;

namespace Streaming.Processor.Streams;

/// <summary>
/// Binary form of <see cref="CityRepartitionRecord"/>: version 1, kind byte (1 partial, 2 marker), then for a partial
/// the city and <see cref="CityHourlyPartialCodec"/>'s bytes, for a marker its fields. Numbers are big-endian.
/// </summary>
public static class CityRepartitionCodec
{
    private const byte Version = 1;
    private const byte PartialKind = 1;
    private const byte MarkerKind = 2;

    public static byte[] Encode(CityRepartitionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var writer = new StateWriter().WriteByte(Version);
        if (record.Marker is { } m)
        {
            return writer.WriteByte(MarkerKind).WriteInt32(m.UpstreamPartition).WriteInt32(m.UpstreamPartitions)
                .WriteInt32(m.TargetPartition).WriteInt64(m.Watermark).WriteByte(m.EndOfInput ? (byte)1 : (byte)0).ToArray();
        }
        return writer.WriteByte(PartialKind).WriteString(record.City!).WriteBytes(CityHourlyPartialCodec.Encode(record.Partial!)).ToArray();
    }

    /// <exception cref="StateCodecException">The bytes are not a version-1 record.</exception>
    public static CityRepartitionRecord Decode(ReadOnlySpan<byte> data)
    {
        var reader = new StateReader(data, nameof(CityRepartitionRecord));
        reader.ExpectVersion(Version);
        var kind = reader.ReadByte();
        CityRepartitionRecord record = kind switch
        {
            PartialKind => CityRepartitionRecord.Of(reader.ReadString(), CityHourlyPartialCodec.Decode(reader.ReadBytes())),
            MarkerKind => CityRepartitionRecord.Of(new WatermarkMarker(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadByte() != 0)),
            _ => throw new StateCodecException($"{nameof(CityRepartitionRecord)}: unknown kind {kind}."),
        };
        reader.ExpectEnd();
        return record;
    }
}
