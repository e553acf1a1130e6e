using System.Buffers.Binary;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// A watermark marker in a repartition topic: "upstream task <see cref="UpstreamPartition"/> of
/// <see cref="UpstreamTaskCount"/> has reached <see cref="Watermark"/>", optionally "and its input has ended".
/// Markers are ordered with data (same producer, same partition) and are never shown to processors.
/// Wire form: header <c>__streaming.watermark</c>, null key, value = version(1) partition(i32) count(i32) watermark(i64) flags(u8).
/// </summary>
internal readonly record struct WatermarkMarker(int UpstreamPartition, int UpstreamTaskCount, long Watermark, bool EndOfInput)
{
    public const string HeaderKey = "__streaming.watermark";
    private const byte Version = 1;
    private const int Size = 18;

    public static Headers MarkerHeaders() => new() { { HeaderKey, [Version] } };

    public byte[] Encode()
    {
        var bytes = new byte[Size];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), UpstreamPartition);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(5), UpstreamTaskCount);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(9), Watermark);
        bytes[17] = EndOfInput ? (byte)1 : (byte)0;
        return bytes;
    }

    public static bool IsMarker(Headers? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return false;
        }
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Key == HeaderKey)
            {
                return true;
            }
        }
        return false;
    }

    public static WatermarkMarker Decode(RawRecord record)
    {
        var value = record.ValueBytes;
        if (value is null || value.Length != Size || value[0] != Version)
        {
            throw new StreamsException($"watermark marker at {record.Topic}-{record.Partition}@{record.Offset} is malformed ({value?.Length ?? 0} bytes).");
        }
        return new WatermarkMarker(
            BinaryPrimitives.ReadInt32BigEndian(value.AsSpan(1)),
            BinaryPrimitives.ReadInt32BigEndian(value.AsSpan(5)),
            BinaryPrimitives.ReadInt64BigEndian(value.AsSpan(9)),
            value[17] == 1);
    }
}
