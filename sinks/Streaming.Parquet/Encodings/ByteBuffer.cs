using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Streaming.Parquet.Encodings;

/// <summary>
/// A growable byte buffer that is cleared and reused between pages and row groups, so steady-state
/// writing allocates nothing; its capacity is bounded by the largest page or column chunk seen.
/// </summary>
internal sealed class ByteBuffer
{
    private byte[] _buffer;
    private int _length;

    public ByteBuffer(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(16, initialCapacity)];
    }

    public int Length => _length;

    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Returns writable space of at least <paramref name="sizeHint"/> bytes after the written data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_buffer.Length - _length < sizeHint)
        {
            Grow(sizeHint);
        }
        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _length += count;

    /// <summary>Drops bytes at the end (used to rewind a tentative write).</summary>
    public void Truncate(int length) => _length = length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }
        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        _length += 4;
    }

    /// <summary>Overwrites four bytes already written at <paramref name="position"/> (length prefixes).</summary>
    public void PatchInt32LittleEndian(int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(position, 4), value);

    /// <summary>Unsigned LEB128, as used by Thrift compact and the RLE/bit-packed hybrid run headers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUnsignedVarint(ulong value)
    {
        var span = GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _length += i;
    }

    private void Grow(int sizeHint)
    {
        var needed = (long)_length + sizeHint;
        var newSize = Math.Max(needed, (long)_buffer.Length * 2);
        if (newSize > Array.MaxLength)
        {
            newSize = Math.Max(needed, Array.MaxLength);
        }
        var next = GC.AllocateUninitializedArray<byte>(checked((int)newSize));
        _buffer.AsSpan(0, _length).CopyTo(next);
        _buffer = next;
    }
}
