using System.Buffers.Binary;

namespace Streaming.Contracts.Serialization;

/// <summary>
/// The Confluent wire format: magic byte 0, the schema id as 4 bytes big-endian, then the Avro binary payload.
/// </summary>
public static class ConfluentWireFormat
{
    /// <summary>The magic byte of format version 0.</summary>
    public const byte MagicByte = 0;

    /// <summary>Bytes before the payload.</summary>
    public const int HeaderSize = 5;

    /// <summary>Writes the 5-byte header into <paramref name="destination"/>.</summary>
    public static void WriteHeader(Span<byte> destination, int schemaId)
    {
        destination[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(destination[1..], schemaId);
    }

    /// <summary>Frames an Avro payload: header plus payload in a new array.</summary>
    public static byte[] Frame(int schemaId, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[HeaderSize + payload.Length];
        WriteHeader(bytes, schemaId);
        payload.CopyTo(bytes.AsSpan(HeaderSize));
        return bytes;
    }

    /// <summary>Splits framed bytes into the schema id and the payload.</summary>
    /// <exception cref="RecordDecodeException">Fewer than 5 bytes, or a magic byte other than 0 (reason undecodable).</exception>
    public static int ReadHeader(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> payload)
    {
        if (data.Length < HeaderSize)
        {
            throw new RecordDecodeException(Events.RejectReasons.Undecodable,
                $"record has {data.Length} bytes, fewer than the {HeaderSize}-byte Confluent wire-format header");
        }
        if (data[0] != MagicByte)
        {
            throw new RecordDecodeException(Events.RejectReasons.Undecodable,
                $"record starts with byte 0x{data[0]:X2}, not the Confluent wire-format magic byte 0x00");
        }
        payload = data[HeaderSize..];
        return BinaryPrimitives.ReadInt32BigEndian(data[1..]);
    }
}
