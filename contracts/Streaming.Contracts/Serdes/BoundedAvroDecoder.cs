using System.Text;
using AvroDecoder = Avro.IO.Decoder;
using Avro;


namespace Streaming.Contracts.Serdes;

/// <summary>
/// Apache.Avro's <see cref="global::Avro.IO.BinaryDecoder"/> over one record's bytes, made safe for untrusted input: every string and
/// bytes length and every array or map block count is checked against the bytes left before anything is allocated,
/// strings must be valid UTF-8, and <see cref="EnsureConsumed"/> rejects trailing bytes. The varints themselves are
/// read by Apache.Avro.
/// </summary>
/// <remarks>
/// Why: on hostile bytes Apache.Avro alone allocates 953 MB for a 1 GB string length and 7.6 GB for a 16-byte record
/// whose array claims 10⁹ items, accepts trailing garbage and turns invalid UTF-8 into U+FFFD (DESIGN §2). Here no
/// record makes the reader allocate more than a small multiple of its own size. A block count is bounded by the bytes
/// left because every item of the project's arrays and maps takes at least one byte.
/// </remarks>
public sealed class BoundedAvroDecoder : AvroDecoder
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _buffer;
    private readonly int _offset;
    private readonly MemoryStream _stream;
    private readonly global::Avro.IO.BinaryDecoder _inner;

    /// <summary>A decoder over <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    public BoundedAvroDecoder(byte[] buffer, int offset, int count)
    {
        _buffer = buffer;
        _offset = offset;
        _stream = new MemoryStream(buffer, offset, count, writable: false);
        _inner = new global::Avro.IO.BinaryDecoder(_stream);
    }

    private long Remaining => _stream.Length - _stream.Position;

    /// <summary>Fails unless every byte was read: a record followed by anything is not a record.</summary>
    /// <exception cref="AvroException">Bytes are left over.</exception>
    public void EnsureConsumed()
    {
        if (Remaining != 0)
        {
            throw new AvroException($"{Remaining} trailing bytes after the record");
        }
    }

    public byte[] ReadBytes()
    {
        var bytes = new byte[CheckedLength("bytes")];
        _stream.ReadExactly(bytes);
        return bytes;
    }

    public string ReadString()
    {
        var length = CheckedLength("string");
        var start = _offset + (int)_stream.Position;
        _stream.Position += length;
        try
        {
            return s_strictUtf8.GetString(_buffer, start, length);
        }
        catch (DecoderFallbackException ex)
        {
            throw new AvroException($"a string of {length} bytes is not valid UTF-8", ex);
        }
    }

    public long ReadArrayStart() => CheckedCount(_inner.ReadArrayStart(), "array");

    public long ReadArrayNext() => CheckedCount(_inner.ReadArrayNext(), "array");

    public long ReadMapStart() => CheckedCount(_inner.ReadMapStart(), "map");

    public long ReadMapNext() => CheckedCount(_inner.ReadMapNext(), "map");

    public void ReadFixed(byte[] buffer) => ReadFixed(buffer, 0, buffer.Length);

    public void ReadFixed(byte[] buffer, int start, int length)
    {
        CheckFits(length, "fixed");
        _inner.ReadFixed(buffer, start, length);
    }

    public void SkipBytes() => _stream.Position += CheckedLength("bytes");

    public void SkipString() => _stream.Position += CheckedLength("string");

    public void SkipFixed(int len)
    {
        CheckFits(len, "fixed");
        _inner.SkipFixed(len);
    }

    public void ReadNull() => _inner.ReadNull();

    public bool ReadBoolean() => _inner.ReadBoolean();

    public int ReadInt() => _inner.ReadInt();

    public long ReadLong() => _inner.ReadLong();

    public float ReadFloat() => _inner.ReadFloat();

    public double ReadDouble() => _inner.ReadDouble();

    public int ReadEnum() => _inner.ReadEnum();

    public int ReadUnionIndex() => _inner.ReadUnionIndex();

    public void SkipNull() => _inner.SkipNull();

    public void SkipBoolean() => _inner.SkipBoolean();

    public void SkipInt() => _inner.SkipInt();

    public void SkipLong() => _inner.SkipLong();

    public void SkipFloat() => _inner.SkipFloat();

    public void SkipDouble() => _inner.SkipDouble();

    public void SkipEnum() => _inner.SkipEnum();

    public void SkipUnionIndex() => _inner.SkipUnionIndex();

    private int CheckedLength(string what)
    {
        var length = _inner.ReadLong();
        CheckFits(length, what);
        return (int)length;
    }

    private void CheckFits(long length, string what)
    {
        if (length < 0 || length > Remaining)
        {
            throw new AvroException($"{what} length {length} does not fit in the {Remaining} bytes left");
        }
    }

    private long CheckedCount(long count, string what)
    {
        // Apache.Avro has already made a negative count (a block with its byte size) positive.
        if (count < 0 || count > Remaining)
        {
            throw new AvroException($"{what} block of {count} items does not fit in the {Remaining} bytes left");
        }
        return count;
    }
}
