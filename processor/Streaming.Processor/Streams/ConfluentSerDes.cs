using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace Streaming.Processor.Streams;

/// <summary>
/// The one seam between Streamiz and our record serdes: a Streamiz <see cref="ISerDes{T}"/> over a Confluent
/// serializer and deserializer (contracts' <c>AvroSerde&lt;T&gt;</c>).
/// </summary>
public sealed class ConfluentSerDes<T>(ISerializer<T> serializer, IDeserializer<T> deserializer) : AbstractSerDes<T>
{
    /// <summary>Wraps an object that is both serializer and deserializer.</summary>
    public static ConfluentSerDes<T> Of<TSerde>(TSerde serde)
        where TSerde : ISerializer<T>, IDeserializer<T> => new(serde, serde);

    public override byte[] Serialize(T data, SerializationContext context) => serializer.Serialize(data, context);

    public override T Deserialize(byte[] data, SerializationContext context) => deserializer.Deserialize(data, data is null, context);
}
