using System.Buffers.Binary;
using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Built-in serdes. Number encodings are big-endian, as Java clients and Kafka Streams write them.</summary>
public static class Serdes
{
    /// <summary>UTF-8 strings; null bytes read as null.</summary>
    public static Serde<string> String { get; } = new(Serializers.Utf8, new NullableUtf8Deserializer());

    /// <summary>64-bit big-endian integers.</summary>
    public static Serde<long> Long { get; } = new(Serializers.Int64, Deserializers.Int64);

    /// <summary>32-bit big-endian integers.</summary>
    public static Serde<int> Int { get; } = new(Serializers.Int32, Deserializers.Int32);

    /// <summary>Raw bytes, passed through.</summary>
    public static Serde<byte[]> ByteArray { get; } = new(Serializers.ByteArray, Deserializers.ByteArray);

    /// <summary>IEEE 754 doubles, big-endian.</summary>
    public static Serde<double> Double { get; } = new(Serializers.Double, Deserializers.Double);

    /// <summary>A serde from two delegates; handy in tests.</summary>
    public static Serde<T> From<T>(Func<T, byte[]> serialize, Func<byte[], T> deserialize) =>
        new(new DelegateSerializer<T>(serialize), new DelegateDeserializer<T>(deserialize));

    /// <summary>Encodes a long big-endian into a new 8-byte array.</summary>
    internal static byte[] LongBytes(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private sealed class NullableUtf8Deserializer : IDeserializer<string>
    {
        public string Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
            isNull ? null! : System.Text.Encoding.UTF8.GetString(data);
    }

    private sealed class DelegateSerializer<T>(Func<T, byte[]> serialize) : ISerializer<T>
    {
        public byte[] Serialize(T data, SerializationContext context) => serialize(data);
    }

    private sealed class DelegateDeserializer<T>(Func<byte[], T> deserialize) : IDeserializer<T>
    {
        public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
            isNull ? default! : deserialize(data.ToArray());
    }
}
