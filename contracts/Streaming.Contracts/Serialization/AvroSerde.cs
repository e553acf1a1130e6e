using System.Collections.Concurrent;
using Confluent.Kafka;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Contracts.SchemaRegistry;

namespace Streaming.Contracts.Serialization;

/// <summary>
/// Confluent-compatible Avro serializer and deserializer of one contract type over its typed codec: magic byte 0,
/// 4-byte big-endian schema id, Avro binary. The schema is registered under <c>{topic}-value</c> (or <c>{topic}-key</c>
/// for keys) on first use per topic.
/// </summary>
/// <remarks>
/// Thread-safe. The first serialization per subject waits for the registry (synchronously, as Confluent's sync
/// serializer interface requires); later ones use the cached id. A record written with a different schema id is
/// accepted when that id's schema has the same Parsing Canonical Form as this codec's schema.
/// </remarks>
/// <typeparam name="T">The contract type.</typeparam>
public sealed class AvroSerde<T> : ISerializer<T>, IDeserializer<T>
{
    private readonly ISchemaRegistry _registry;
    private readonly AvroCodec<T> _codec;
    // Keyed by topic (not subject) so the hot path does not build the subject string.
    private readonly ConcurrentDictionary<string, int> _valueIdByTopic = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _keyIdByTopic = new(StringComparer.Ordinal);
    // true: the id's schema is this codec's schema; false: it is another schema (reason unknown_schema).
    private readonly ConcurrentDictionary<int, bool> _readableIds = new();

    /// <summary>Creates a serde over a registry and a codec (default: the contract codec of <typeparamref name="T"/>).</summary>
    public AvroSerde(ISchemaRegistry registry, AvroCodec<T>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _codec = codec ?? AvroCodecs.For<T>();
    }

    /// <summary>The codec used.</summary>
    public AvroCodec<T> Codec => _codec;

    /// <summary>Confluent serializer entry point. A null value serializes to null (a tombstone).</summary>
    /// <exception cref="AvroException">A required field is null.</exception>
    /// <exception cref="SchemaRegistryException">The schema could not be registered.</exception>
    public byte[] Serialize(T data, SerializationContext context) =>
        Serialize(data, context.Topic, context.Component == MessageComponentType.Key);

    /// <summary>Serializes a value for a topic (registering the schema on first use).</summary>
    /// <exception cref="AvroException">A required field is null.</exception>
    /// <exception cref="SchemaRegistryException">The schema could not be registered.</exception>
    public byte[] Serialize(T data, string topic, bool isKey = false)
    {
        if (data is null)
        {
            return null!;
        }
        var schemaId = GetSchemaId(topic, isKey);
        var buffer = ReusableBuffer.Rent();
        try
        {
            ConfluentWireFormat.WriteHeader(buffer.GetSpan(ConfluentWireFormat.HeaderSize), schemaId);
            buffer.Advance(ConfluentWireFormat.HeaderSize);
            _codec.Write(new AvroWriter(buffer), data);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            ReusableBuffer.Return(buffer);
        }
    }

    /// <summary>Registers the schema for a topic now (so the first send does not wait) and returns its id.</summary>
    public async Task<int> RegisterAsync(string topic, bool isKey = false, CancellationToken cancellationToken = default)
    {
        var id = await _registry.RegisterAsync(SchemaSubjects.For(topic, isKey), _codec.SchemaJson, cancellationToken).ConfigureAwait(false);
        (isKey ? _keyIdByTopic : _valueIdByTopic)[topic] = id;
        _readableIds[id] = true;
        return id;
    }

    /// <summary>Confluent deserializer entry point. Null data deserializes to null.</summary>
    /// <exception cref="RecordDecodeException">The bytes are undecodable or carry an unknown schema id; see <see cref="RecordDecodeException.ReasonCode"/>.</exception>
    /// <exception cref="SchemaRegistryException">The registry could not be reached (not a data error).</exception>
    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? default! : Deserialize(data);

    /// <summary>Deserializes Confluent-framed bytes.</summary>
    /// <exception cref="RecordDecodeException">The bytes are undecodable or carry an unknown schema id; see <see cref="RecordDecodeException.ReasonCode"/>.</exception>
    /// <exception cref="SchemaRegistryException">The registry could not be reached (not a data error).</exception>
    public T Deserialize(ReadOnlySpan<byte> data)
    {
        var schemaId = ConfluentWireFormat.ReadHeader(data, out var payload);
        CheckSchemaId(schemaId);
        try
        {
            return _codec.Decode(payload);
        }
        catch (AvroException ex)
        {
            throw new RecordDecodeException(RejectReasons.Undecodable, $"schema id {schemaId}: {ex.Message}", ex) { SchemaId = schemaId };
        }
    }

    private int GetSchemaId(string topic, bool isKey)
    {
        if ((isKey ? _keyIdByTopic : _valueIdByTopic).TryGetValue(topic, out var id))
        {
            return id;
        }
        // Sync over async once per subject: Confluent's ISerializer is synchronous.
        return RegisterAsync(topic, isKey).GetAwaiter().GetResult();
    }

    private void CheckSchemaId(int schemaId)
    {
        if (!_readableIds.TryGetValue(schemaId, out var readable))
        {
            string schemaJson;
            try
            {
                schemaJson = _registry.GetSchemaAsync(schemaId).GetAwaiter().GetResult();
            }
            catch (SchemaNotRegisteredException ex)
            {
                throw new RecordDecodeException(RejectReasons.UnknownSchema, ex.Message, ex) { SchemaId = schemaId };
            }
            try
            {
                readable = AvroSchemaParser.Parse(schemaJson).CanonicalForm == _codec.Schema.CanonicalForm;
            }
            catch (AvroException)
            {
                readable = false;
            }
            _readableIds[schemaId] = readable;
        }
        if (!readable)
        {
            throw new RecordDecodeException(RejectReasons.UnknownSchema,
                $"schema id {schemaId} is not the {_codec.Schema} schema this consumer reads") { SchemaId = schemaId };
        }
    }
}
