using System.Buffers.Binary;
using System.Text;

namespace Streaming.Contracts.Avro;

/// <summary>
/// Reads Avro binary encoding from a span. Input is untrusted: every length and count is checked against the
/// remaining bytes before anything is allocated, varints longer than 10 bytes and out-of-range indexes are rejected,
/// and every failure is an <see cref="AvroException"/> naming the field and the byte offset.
/// </summary>
public ref struct AvroReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    public AvroReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Reads an Avro boolean; bytes other than 0 and 1 are rejected.</summary>
    public bool ReadBoolean(string field)
    {
        Need(1, field);
        var b = _data[_position];
        if (b > 1)
        {
            throw new AvroException(field, _position, $"boolean byte is {b}, expected 0 or 1");
        }
        _position++;
        return b == 1;
    }

    /// <summary>Reads an Avro int; values outside the 32-bit range are rejected.</summary>
    public int ReadInt(string field)
    {
        var start = _position;
        var value = ReadLong(field);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new AvroException(field, start, $"int value {value} is outside the 32-bit range");
    }

    /// <summary>Reads an Avro long (zig-zag varint of at most 10 bytes).</summary>
    public long ReadLong(string field)
    {
        var start = _position;
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length)
            {
                throw new AvroException(field, start, "input ends inside a varint");
            }
            var b = _data[_position++];
            if (shift == 63)
            {
                // Tenth byte: only the lowest bit still fits in 64 bits, and no continuation is allowed.
                if (b > 1)
                {
                    throw new AvroException(field, start, "varint is longer than 10 bytes or overflows 64 bits");
                }
                result |= (ulong)b << 63;
                break;
            }
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
            shift += 7;
        }
        return unchecked((long)(result >> 1) ^ -(long)(result & 1));
    }

    /// <summary>Reads an Avro float.</summary>
    public float ReadFloat(string field)
    {
        Need(4, field);
        var value = BinaryPrimitives.ReadSingleLittleEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>Reads an Avro double.</summary>
    public double ReadDouble(string field)
    {
        Need(8, field);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>Reads Avro bytes into a new array.</summary>
    public byte[] ReadBytes(string field) => ReadBytesSpan(field).ToArray();

    /// <summary>Reads Avro bytes as a slice of the input (no copy).</summary>
    public ReadOnlySpan<byte> ReadBytesSpan(string field)
    {
        var length = ReadLength(field, "bytes");
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Reads an Avro string (UTF-8; invalid sequences become U+FFFD).</summary>
    public string ReadString(string field)
    {
        var length = ReadLength(field, "string");
        var text = length == 0 ? string.Empty : Encoding.UTF8.GetString(_data.Slice(_position, length));
        _position += length;
        return text;
    }

    /// <summary>Reads <paramref name="size"/> raw bytes (Avro fixed).</summary>
    public ReadOnlySpan<byte> ReadFixed(string field, int size)
    {
        Need(size, field);
        var span = _data.Slice(_position, size);
        _position += size;
        return span;
    }

    /// <summary>Reads a union branch index and checks it is below <paramref name="branchCount"/>.</summary>
    public int ReadUnionIndex(string field, int branchCount)
    {
        var start = _position;
        var index = ReadLong(field);
        return index >= 0 && index < branchCount
            ? (int)index
            : throw new AvroException(field, start, $"union index {index} is out of range (the union has {branchCount} branches)");
    }

    /// <summary>Reads an enum symbol index and checks it is below <paramref name="symbolCount"/>.</summary>
    public int ReadEnum(string field, int symbolCount)
    {
        var start = _position;
        var index = ReadLong(field);
        return index >= 0 && index < symbolCount
            ? (int)index
            : throw new AvroException(field, start, $"enum index {index} is out of range (the enum has {symbolCount} symbols)");
    }

    /// <summary>
    /// Reads the item count of the next array or map block: 0 ends the value. A negative count is followed by the
    /// block's size in bytes, which is read and checked. The count is checked against the remaining input, assuming
    /// each item takes at least <paramref name="minItemSize"/> bytes (pass 0 for items that may be empty, which caps
    /// the count at the remaining bytes plus one million so a tiny input cannot demand an unbounded loop).
    /// </summary>
    public long ReadBlockCount(string field, int minItemSize)
    {
        var start = _position;
        var count = ReadLong(field);
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw new AvroException(field, start, "block count is long.MinValue");
            }
            count = -count;
            var sizeStart = _position;
            var size = ReadLong(field);
            if (size < 0 || size > Remaining)
            {
                throw new AvroException(field, sizeStart, $"block size {size} is negative or exceeds the {Remaining} remaining bytes");
            }
        }
        var limit = minItemSize > 0 ? Remaining / minItemSize : Remaining + 1_000_000L;
        if (count > limit)
        {
            throw new AvroException(field, start, $"block count {count} exceeds what the {Remaining} remaining bytes can hold");
        }
        return count;
    }

    /// <summary>Throws unless all input was consumed.</summary>
    public readonly void EnsureEnd(string record)
    {
        if (_position != _data.Length)
        {
            throw new AvroException($"cannot decode {record}: {_data.Length - _position} trailing bytes after the record at byte offset {_position}");
        }
    }

    private readonly void Need(int count, string field)
    {
        if (count > _data.Length - _position)
        {
            throw new AvroException(field, _position, $"needs {count} bytes but only {_data.Length - _position} remain");
        }
    }

    private int ReadLength(string field, string kind)
    {
        var start = _position;
        var length = ReadLong(field);
        if (length < 0)
        {
            throw new AvroException(field, start, $"{kind} length {length} is negative");
        }
        if (length > Remaining)
        {
            throw new AvroException(field, start, $"{kind} length {length} exceeds the {Remaining} remaining bytes");
        }
        return (int)length;
    }
}
