using System.Text;

namespace Streaming.Parquet.Encodings;

/// <summary>
/// Writes the Thrift compact protocol (thrift/doc/specs/thrift-compact-protocol.md): field headers
/// carry the id as a delta from the previous field of the same struct when it fits in four bits,
/// integers are zigzag varints, and booleans live in the field header's type nibble.
/// Callers write fields in ascending id order.
/// </summary>
internal sealed class ThriftCompactWriter
{
    public const byte TypeBooleanTrue = 1;
    public const byte TypeBooleanFalse = 2;
    public const byte TypeByte = 3;
    public const byte TypeI16 = 4;
    public const byte TypeI32 = 5;
    public const byte TypeI64 = 6;
    public const byte TypeDouble = 7;
    public const byte TypeBinary = 8;
    public const byte TypeList = 9;
    public const byte TypeStruct = 12;

    private readonly ByteBuffer _output;
    private readonly Stack<short> _enclosingLastFieldIds = new();
    private short _lastFieldId;

    public ThriftCompactWriter(ByteBuffer output)
    {
        _output = output;
    }

    /// <summary>Starts a top-level struct or a struct element of a list.</summary>
    public void StructBegin()
    {
        _enclosingLastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void StructEnd()
    {
        _output.WriteByte(0);
        _lastFieldId = _enclosingLastFieldIds.Pop();
    }

    public void StructFieldBegin(short id)
    {
        FieldHeader(id, TypeStruct);
        StructBegin();
    }

    public void I32Field(short id, int value)
    {
        FieldHeader(id, TypeI32);
        I32Value(value);
    }

    public void I64Field(short id, long value)
    {
        FieldHeader(id, TypeI64);
        _output.WriteUnsignedVarint(ZigZag(value));
    }

    public void I16Field(short id, short value)
    {
        FieldHeader(id, TypeI16);
        _output.WriteUnsignedVarint(ZigZag(value));
    }

    public void BoolField(short id, bool value) => FieldHeader(id, value ? TypeBooleanTrue : TypeBooleanFalse);

    public void BinaryField(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, TypeBinary);
        BinaryValue(value);
    }

    public void StringField(short id, string value)
    {
        FieldHeader(id, TypeBinary);
        StringValue(value);
    }

    public void ListFieldBegin(short id, byte elementType, int count)
    {
        FieldHeader(id, TypeList);
        if (count < 15)
        {
            _output.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            _output.WriteByte((byte)(0xF0 | elementType));
            _output.WriteUnsignedVarint((uint)count);
        }
    }

    public void I32Value(int value) => _output.WriteUnsignedVarint(ZigZag(value));

    public void BinaryValue(ReadOnlySpan<byte> value)
    {
        _output.WriteUnsignedVarint((uint)value.Length);
        _output.Write(value);
    }

    public void StringValue(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var scratch = max <= 512 ? stackalloc byte[max] : new byte[max];
        var n = Encoding.UTF8.GetBytes(value, scratch);
        BinaryValue(scratch[..n]);
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            _output.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            _output.WriteByte(type);
            _output.WriteUnsignedVarint(ZigZag(id));
        }
        _lastFieldId = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
