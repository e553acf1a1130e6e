namespace Streaming.Contracts.Avro;

/// <summary>The Avro schema types (Avro 1.11 specification).</summary>
public enum AvroType
{
    /// <summary>null.</summary>
    Null,

    /// <summary>boolean.</summary>
    Boolean,

    /// <summary>int (32-bit, zig-zag varint).</summary>
    Int,

    /// <summary>long (64-bit, zig-zag varint).</summary>
    Long,

    /// <summary>float (IEEE 754, 4 bytes little-endian).</summary>
    Float,

    /// <summary>double (IEEE 754, 8 bytes little-endian).</summary>
    Double,

    /// <summary>bytes (length-prefixed).</summary>
    Bytes,

    /// <summary>string (length-prefixed UTF-8).</summary>
    String,

    /// <summary>record.</summary>
    Record,

    /// <summary>enum.</summary>
    Enum,

    /// <summary>array.</summary>
    Array,

    /// <summary>map (string keys).</summary>
    Map,

    /// <summary>union.</summary>
    Union,

    /// <summary>fixed.</summary>
    Fixed,
}
