using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// A serializer and deserializer pair for one type, as in Kafka Streams. Wraps Confluent.Kafka's
/// <see cref="ISerializer{T}"/> and <see cref="IDeserializer{T}"/> so producers, the runtime and tests share codecs.
/// </summary>
/// <typeparam name="T">The type carried.</typeparam>
public sealed class Serde<T>
{
    /// <summary>Creates a serde from a serializer and a deserializer.</summary>
    public Serde(ISerializer<T> serializer, IDeserializer<T> deserializer)
    {
        Serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        Deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
    }

    /// <summary>The serializer.</summary>
    public ISerializer<T> Serializer { get; }

    /// <summary>The deserializer.</summary>
    public IDeserializer<T> Deserializer { get; }

    /// <summary>Serializes a value for a topic; a null value (tombstone) gives null.</summary>
    public byte[]? Serialize(T value, string topic, MessageComponentType component = MessageComponentType.Value, Headers? headers = null) =>
        value is null ? null : Serializer.Serialize(value, new SerializationContext(component, topic, headers));

    /// <summary>Deserializes bytes read from a topic; null bytes are passed as <c>isNull</c>.</summary>
    public T Deserialize(byte[]? data, string topic, MessageComponentType component = MessageComponentType.Value, Headers? headers = null) =>
        Deserializer.Deserialize(data ?? ReadOnlySpan<byte>.Empty, data is null, new SerializationContext(component, topic, headers));
}
