using Confluent.Kafka;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;

namespace Streaming.Processor.Topology;

/// <summary>Wraps an Avro deserializer so that undecodable bytes become a <see cref="Decoded{T}"/> failure with a reason code.</summary>
public sealed class SafeDeserializer<T>(IDeserializer<T> inner) : IDeserializer<Decoded<T>>
    where T : class
{
    public Decoded<T> Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull || data.IsEmpty)
        {
            return Decoded<T>.Failure(RejectReasons.Undecodable, "the record has no value (null or empty).");
        }
        try
        {
            return Decoded<T>.Success(inner.Deserialize(data, isNull, context));
        }
        catch (RecordDecodeException ex)
        {
            return Decoded<T>.Failure(ex.ReasonCode, ex.Message);
        }
    }
}
