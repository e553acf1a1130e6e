using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Streaming.Sinks.Postgres.Copy;

/// <summary>
/// Rows already encoded as PostgreSQL binary COPY tuples (field count, then each field as a 4-byte length and its
/// binary send format), appended into one growing byte buffer. A batch keeps its rows here from the moment a record is
/// read until its transaction is written, so the write is a plain stream copy with no per-value work left.
/// </summary>
/// <remarks>
/// Formats follow the server's send/receive functions: text is its UTF-8 bytes, integers and float8 big-endian,
/// timestamptz microseconds since 2000-01-01 UTC, and one-dimensional text[] arrays the array_send layout.
/// Not thread-safe: filled by the delivery loop, then read by the batch write once the batch is closed.
/// </remarks>
internal sealed class CopyRowBuffer
{
    /// <summary>The oid of <c>text</c>, the element type written in text[] headers.</summary>
    private const int TextOid = 25;

    // DateTime's range, the range the sink has always accepted (Npgsql wrote DateTime values).
    private const long MinEpochMillis = -62_135_596_800_000;
    private const long MaxEpochMillis = 253_402_300_799_999;
    private const long PostgresEpochMillis = 946_684_800_000;

    private byte[] _bytes;
    private int _length;

    /// <summary>Creates an empty buffer.</summary>
    public CopyRowBuffer(int initialCapacity = 64 * 1024)
    {
        _bytes = new byte[initialCapacity];
    }

    /// <summary>Bytes written so far; a row starts at the value read before its <see cref="StartRow"/>.</summary>
    public int Length => _length;

    /// <summary>The bytes from <paramref name="start"/>, <paramref name="length"/> long.</summary>
    public ReadOnlyMemory<byte> Slice(int start, int length) => _bytes.AsMemory(start, length);

    /// <summary>Drops everything after <paramref name="length"/> (a row that failed halfway).</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    /// <summary>Empties the buffer, keeping its capacity.</summary>
    public void Clear() => _length = 0;

    /// <summary>Starts a tuple of <paramref name="fieldCount"/> fields.</summary>
    public void StartRow(short fieldCount) => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), fieldCount);

    /// <summary>A NULL field.</summary>
    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    /// <summary>A text field from UTF-8 bytes. Invalid sequences become U+FFFD, as the Avro string decoder does.</summary>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            WriteText(Encoding.UTF8.GetString(utf8));
            return;
        }
        var span = Reserve(4 + utf8.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, utf8.Length);
        utf8.CopyTo(span[4..]);
    }

    /// <summary>A text field.</summary>
    public void WriteText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetByteCount(value);
        var span = Reserve(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Encoding.UTF8.GetBytes(value, span[4..]);
    }

    /// <summary>An integer (int4) field.</summary>
    public void WriteInt32(int value)
    {
        var span = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    /// <summary>A bigint (int8) field.</summary>
    public void WriteInt64(long value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    /// <summary>A double precision (float8) field.</summary>
    public void WriteFloat8(double value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    /// <summary>A timestamptz field from UTC epoch milliseconds; <paramref name="field"/> names the value in errors.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside years 1 to 9999 (the range of <see cref="DateTime"/>).</exception>
    public void WriteTimestampTz(long epochMillis, string field)
    {
        if (epochMillis is < MinEpochMillis or > MaxEpochMillis)
        {
            throw new ArgumentOutOfRangeException(paramName: null,
                $"{field} is {epochMillis} ms since the epoch, outside the years 1 to 9999 the sink writes to timestamptz columns ({MinEpochMillis} to {MaxEpochMillis}).");
        }
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], (epochMillis - PostgresEpochMillis) * 1000);
    }

    /// <summary>Starts a one-dimensional text[] field; add its items with <see cref="AddTextArrayItem"/>, then call <see cref="EndTextArray"/>.</summary>
    /// <returns>The position to pass to <see cref="EndTextArray"/>.</returns>
    public int StartTextArray()
    {
        var start = _length;
        // length, ndim, has-nulls flag, element oid, dimension size, lower bound; the lengths are filled in at the end.
        var span = Reserve(24);
        span.Clear();
        BinaryPrimitives.WriteInt32BigEndian(span[4..], 1);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], TextOid);
        BinaryPrimitives.WriteInt32BigEndian(span[20..], 1);
        return start;
    }

    /// <summary>One item of the text[] being written.</summary>
    public void AddTextArrayItem(ReadOnlySpan<byte> utf8) => WriteText(utf8);

    /// <summary>One item of the text[] being written.</summary>
    public void AddTextArrayItem(string value) => WriteText(value);

    /// <summary>Completes the text[] started at <paramref name="start"/> with <paramref name="count"/> items.</summary>
    public void EndTextArray(int start, int count)
    {
        var header = _bytes.AsSpan(start);
        if (count == 0)
        {
            // An empty array has no dimensions: ndim 0, flags 0, element oid, and nothing else.
            _length = start + 16;
            BinaryPrimitives.WriteInt32BigEndian(header, 12);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], 0);
            return;
        }
        BinaryPrimitives.WriteInt32BigEndian(header, _length - start - 4);
        BinaryPrimitives.WriteInt32BigEndian(header[16..], count);
    }

    private Span<byte> Reserve(int count)
    {
        if (_bytes.Length - _length < count)
        {
            var grown = new byte[Math.Max(_bytes.Length * 2, _length + count)];
            _bytes.AsSpan(0, _length).CopyTo(grown);
            _bytes = grown;
        }
        var span = _bytes.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
