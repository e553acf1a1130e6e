using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Streaming.Contracts.Avro;

/// <summary>
/// Writes Avro binary encoding (Avro 1.11) into an <see cref="IBufferWriter{T}"/>: zig-zag varints, little-endian
/// floats, length-prefixed bytes and UTF-8 strings, union and enum indexes, and blocked arrays and maps.
/// </summary>
/// <remarks>Not thread-safe. Strings with unpaired surrogates are written with U+FFFD in their place (UTF-8 cannot hold them).</remarks>
public sealed class AvroWriter
{
    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a writer appending to <paramref name="output"/>.</summary>
    public AvroWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Writes an Avro boolean (one byte, 0 or 1).</summary>
    public void WriteBoolean(bool value)
    {
        _output.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        _output.Advance(1);
    }

    /// <summary>Writes an Avro int (zig-zag varint).</summary>
    public void WriteInt(int value) => WriteLong(value);

    /// <summary>Writes an Avro long (zig-zag varint, at most 10 bytes).</summary>
    public void WriteLong(long value)
    {
        var span = _output.GetSpan(10);
        var n = unchecked((ulong)((value << 1) ^ (value >> 63)));
        var i = 0;
        while (n >= 0x80)
        {
            span[i++] = (byte)(n | 0x80);
            n >>= 7;
        }
        span[i++] = (byte)n;
        _output.Advance(i);
    }

    /// <summary>Writes an Avro float (4 bytes little-endian).</summary>
    public void WriteFloat(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    /// <summary>Writes an Avro double (8 bytes little-endian).</summary>
    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    /// <summary>Writes Avro bytes: the length, then the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteLong(value.Length);
        WriteFixed(value);
    }

    /// <summary>Writes an Avro string: the UTF-8 length, then the UTF-8 bytes.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteLong(byteCount);
        if (byteCount > 0)
        {
            var written = Encoding.UTF8.GetBytes(value, _output.GetSpan(byteCount));
            _output.Advance(written);
        }
    }

    /// <summary>Writes raw bytes without a length (Avro fixed).</summary>
    public void WriteFixed(ReadOnlySpan<byte> value)
    {
        if (value.Length > 0)
        {
            value.CopyTo(_output.GetSpan(value.Length));
            _output.Advance(value.Length);
        }
    }

    /// <summary>Writes the branch index of a union.</summary>
    public void WriteUnionIndex(int index) => WriteLong(index);

    /// <summary>Writes the symbol index of an enum.</summary>
    public void WriteEnum(int index) => WriteLong(index);

    /// <summary>Starts a block of <paramref name="count"/> array items or map entries (skipped when zero).</summary>
    public void WriteBlockCount(long count)
    {
        if (count > 0)
        {
            WriteLong(count);
        }
    }

    /// <summary>Ends an array or a map (a zero block count).</summary>
    public void WriteEndOfBlocks() => WriteLong(0);
}
