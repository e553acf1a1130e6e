using System.Buffers.Binary;
using System.Text;

namespace Streaming.Processor.Domain;

/// <summary>Reads what <see cref="StateWriter"/> wrote; every failure is a <see cref="StateCodecException"/> naming the state type and position.</summary>
internal ref struct StateReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _stateName;
    private int _position;

    public StateReader(ReadOnlySpan<byte> data, string stateName)
    {
        _data = data;
        _stateName = stateName;
        _position = 0;
    }

    public void ExpectVersion(byte version)
    {
        var actual = ReadByte();
        if (actual != version)
        {
            throw new StateCodecException($"{_stateName} state has version {actual}; this code reads version {version}.");
        }
    }

    public byte ReadByte() => Take(1)[0];

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    public int ReadCount(string what)
    {
        var count = ReadInt32();
        if (count < 0 || count > _data.Length - _position)
        {
            throw new StateCodecException($"{_stateName} state: {what} count {count} at byte {_position - 4} is impossible for {_data.Length} bytes.");
        }
        return count;
    }

    public ReadOnlySpan<byte> ReadBytes() => Take(ReadCount("byte"));

    public string ReadString()
    {
        var start = _position;
        var bytes = ReadBytes();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new StateCodecException($"{_stateName} state: the string at byte {start} is not valid UTF-8.", e);
        }
    }

    public readonly void ExpectEnd()
    {
        if (_position != _data.Length)
        {
            throw new StateCodecException($"{_stateName} state has {_data.Length - _position} unexpected bytes after byte {_position}.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new StateCodecException($"{_stateName} state is truncated: needs {count} bytes at byte {_position}, has {_data.Length - _position}.");
        }
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
