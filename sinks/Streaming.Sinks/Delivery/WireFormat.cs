using System.Buffers.Binary;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// The Confluent wire format (DESIGN §3): magic byte 0, a 4-byte big-endian schema id, then Avro binary.
/// </summary>
/// <remarks>
/// Kept here until the contracts' serializers land; the sinks read with the contract schema of the topic (writer schema
/// equals reader schema within this project), so the schema id is carried but not resolved.
/// </remarks>
public static class WireFormat
{
    /// <summary>The magic byte that starts every framed value.</summary>
    public const byte MagicByte = 0;

    /// <summary>Length of the frame header (magic byte + schema id).</summary>
    public const int HeaderLength = 5;

    /// <summary>Frames an Avro payload with a schema id.</summary>
    public static byte[] Frame(int schemaId, ReadOnlySpan<byte> avroPayload)
    {
        var framed = new byte[HeaderLength + avroPayload.Length];
        framed[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1, 4), schemaId);
        avroPayload.CopyTo(framed.AsSpan(HeaderLength));
        return framed;
    }

    /// <summary>Splits a framed value into its schema id and Avro payload.</summary>
    /// <returns>False, with a sentence in <paramref name="problem"/>, when the bytes are not framed.</returns>
    public static bool TryUnframe(ReadOnlySpan<byte> value, out int schemaId, out ReadOnlySpan<byte> avroPayload, out string? problem)
    {
        schemaId = 0;
        avroPayload = default;
        if (value.Length < HeaderLength)
        {
            problem = $"value has {value.Length} bytes, fewer than the {HeaderLength}-byte Confluent header";
            return false;
        }
        if (value[0] != MagicByte)
        {
            problem = $"value starts with byte 0x{value[0]:x2}, not the Confluent magic byte 0x00";
            return false;
        }
        schemaId = BinaryPrimitives.ReadInt32BigEndian(value.Slice(1, 4));
        avroPayload = value[HeaderLength..];
        problem = null;
        return true;
    }
}
