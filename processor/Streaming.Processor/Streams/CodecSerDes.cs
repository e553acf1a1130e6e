using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace Streaming.Processor.Streams;

/// <summary>A Streamiz serde over one of our small binary state codecs (stores and the repartition topic).</summary>
public sealed class CodecSerDes<T>(Func<T, byte[]> encode, Func<byte[], T> decode) : AbstractSerDes<T>
{
    public override byte[] Serialize(T data, SerializationContext context) => encode(data);

    public override T Deserialize(byte[] data, SerializationContext context) => decode(data);
}
