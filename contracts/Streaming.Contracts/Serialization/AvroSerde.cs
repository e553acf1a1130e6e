using Avro.Specific;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Streaming.Contracts.AvroRecords.Mapping;
using Streaming.Contracts.Serdes;

namespace Streaming.Contracts.Serialization;

/// <summary>
/// The Confluent Avro serializer and deserializer of one contract type: the contract value is mapped to its generated
/// record (<see cref="IAvroRecordMapping{TDomain, TRecord}"/>) and written or read by <see cref="SpecificAvroSerde{T}"/>
/// (schema ids from the registry, subject <c>{topic}-value</c>, hostile bytes rejected as data).
/// </summary>
/// <typeparam name="T">The contract type.</typeparam>
public sealed class AvroSerde<T> : ISerializer<T>, IDeserializer<T>
{
    private readonly Func<T, string, byte[]> _serialize;
    private readonly Func<byte[], T> _deserialize;
    private readonly Func<string, int> _register;

    private AvroSerde(Func<T, string, byte[]> serialize, Func<byte[], T> deserialize, Func<string, int> register)
    {
        _serialize = serialize;
        _deserialize = deserialize;
        _register = register;
    }

    /// <summary>The serde of <typeparamref name="T"/> over <paramref name="mapping"/>.</summary>
    public static AvroSerde<T> Over<TRecord>(ISchemaRegistryClient registry, RegistryCalls calls, IAvroRecordMapping<T, TRecord> mapping)
        where TRecord : ISpecificRecord, new()
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var serde = new SpecificAvroSerde<TRecord>(registry, calls);
        return new AvroSerde<T>(
            (value, topic) => serde.Serialize(mapping.ToRecord(value), topic),
            bytes => mapping.FromRecord(serde.Deserialize(bytes)),
            serde.Register);
    }

    /// <summary>Confluent serializer entry point (values only: keys are plain UTF-8). A null value serializes to null (a tombstone).</summary>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down.</exception>
    public byte[] Serialize(T data, SerializationContext context)
    {
        if (context.Component == MessageComponentType.Key)
        {
            throw new NotSupportedException("contract keys are plain UTF-8 strings, not Avro: use Confluent's Serializers.Utf8");
        }
        return Serialize(data, context.Topic);
    }

    /// <summary>The value's Confluent-framed Avro bytes for a topic (its schema registered on first use).</summary>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down.</exception>
    public byte[] Serialize(T data, string topic) => data is null ? null! : _serialize(data, topic);

    /// <summary>Registers the schema for a topic now (so the first send does not wait) and returns its id.</summary>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down.</exception>
    /// <exception cref="SchemaRegistryException">The registry refused the schema.</exception>
    public Task<int> RegisterAsync(string topic, CancellationToken cancellationToken = default) =>
        Task.Run(() => _register(topic), cancellationToken);

    /// <summary>Confluent deserializer entry point. Null data deserializes to null.</summary>
    /// <exception cref="RecordDecodeException">Reason <c>undecodable</c> or <c>unknown_schema</c>: data to reject.</exception>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down (not a data error).</exception>
    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? default! : _deserialize(data.ToArray());

    /// <summary>Decodes Confluent-framed bytes.</summary>
    /// <exception cref="RecordDecodeException">Reason <c>undecodable</c> or <c>unknown_schema</c>: data to reject.</exception>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down (not a data error).</exception>
    public T Deserialize(byte[] data) => _deserialize(data);
}
