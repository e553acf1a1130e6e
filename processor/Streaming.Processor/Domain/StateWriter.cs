using System.Buffers.Binary;
using System.Text;

namespace Streaming.Processor.Domain;

/// <summary>Writes the primitive pieces of the state codecs: big-endian fixed-width numbers and length-prefixed UTF-8.</summary>
internal sealed class StateWriter
{
    private readonly MemoryStream _buffer = new();

    public StateWriter WriteByte(byte value)
    {
        _buffer.WriteByte(value);
        return this;
    }

    public StateWriter WriteInt32(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    public StateWriter WriteInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    public StateWriter WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    public StateWriter WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        _buffer.Write(value);
        return this;
    }

    public StateWriter WriteString(string value) => WriteBytes(Encoding.UTF8.GetBytes(value));

    public byte[] ToArray() => _buffer.ToArray();
}
