using System.Collections.Concurrent;
using System.Net;
using Avro;
using Avro.IO;
using Avro.Specific;
using Confluent.SchemaRegistry;
using Schema = Avro.Schema;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;

namespace Streaming.Contracts.Serdes;

/// <summary>
/// The hot-path Avro serde: what Confluent's <c>AvroSerializer</c>/<c>AvroDeserializer</c> do inside, without their
/// per-record registry lookups. Schema ids come from <see cref="ISchemaRegistryClient"/> (TopicNameStrategy,
/// <c>{topic}-value</c>); Apache.Avro's <see cref="SpecificDatumWriter{T}"/> and <see cref="SpecificDatumReader{T}"/>
/// are cached per topic and per writer schema id; values carry the Confluent wire header (magic 0, 4-byte big-endian id).
/// </summary>
/// <remarks>
/// Decoding treats bytes as hostile: the header is checked before the library is called, the body goes through
/// <see cref="BoundedAvroDecoder"/>, and an unknown id is remembered for <see cref="UnknownIdTtl"/> so a run of bad
/// records does not make one registry request each. Thread-safe.
/// </remarks>
public sealed class SpecificAvroSerde<T>
    where T : ISpecificRecord, new()
{
    private static readonly Schema s_schema = new T().Schema;
    private static readonly Func<T> s_newReadTarget = ReadTargetFactory();

    private readonly ISchemaRegistryClient _registry;
    private readonly RegistryCalls _calls;
    private readonly TimeProvider _time;
    // Built on first use: resolving a schema with enums scans every loaded assembly (about 0.5 s), which a process
    // that only reads, or writes only some of the types, should not pay at startup.
    private readonly Lazy<SpecificDatumWriter<T>> _writer = new(() => new SpecificDatumWriter<T>(s_schema));
    private readonly ConcurrentDictionary<string, int> _idByTopic = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, SpecificDatumReader<T>> _readerById = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _unknownUntil = new();

    public SpecificAvroSerde(ISchemaRegistryClient registry, RegistryCalls calls, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(calls);
        _registry = registry;
        _calls = calls;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long an id the registry does not know is answered from memory as unknown.</summary>
    public TimeSpan UnknownIdTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The value's Confluent-framed Avro bytes; the schema is registered under <c>{topic}-value</c> once per topic.</summary>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down.</exception>
    public byte[] Serialize(T value, string topic)
    {
        if (!_idByTopic.TryGetValue(topic, out var id))
        {
            id = Register(topic);
        }
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[ConfluentWireFormat.HeaderSize];
        ConfluentWireFormat.WriteHeader(header, id);
        stream.Write(header);
        _writer.Value.Write(value, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    /// <summary>Registers the schema under <c>{topic}-value</c> (an already registered schema keeps its id) and returns the id.</summary>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down.</exception>
    /// <exception cref="SchemaRegistryException">The registry refused the schema.</exception>
    public int Register(string topic)
    {
        var id = _calls.Run(() =>
            _registry.RegisterSchemaAsync(topic + "-value", new Confluent.SchemaRegistry.Schema(s_schema.ToString(), SchemaType.Avro)));
        _idByTopic[topic] = id;
        return id;
    }

    /// <summary>Decodes Confluent-framed Avro bytes written with any registered schema Apache.Avro can resolve to <typeparamref name="T"/>.</summary>
    /// <exception cref="RecordDecodeException">Reason <c>undecodable</c> or <c>unknown_schema</c>: the record is data to reject.</exception>
    /// <exception cref="SchemaRegistryUnavailableException">The registry is down.</exception>
    public T Deserialize(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var id = ConfluentWireFormat.ReadHeader(data, out _);
        var reader = ReaderFor(id);
        var decoder = new BoundedAvroDecoder(data, ConfluentWireFormat.HeaderSize, data.Length - ConfluentWireFormat.HeaderSize);
        try
        {
            var value = reader.Read(s_newReadTarget(), decoder);
            decoder.EnsureConsumed();
            return value;
        }
        catch (Exception ex) when (ex is AvroException or EndOfStreamException or InvalidCastException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // Apache.Avro reports bad bytes as AvroException, but truncation surfaces as EndOfStreamException and an
            // out-of-range union branch or enum ordinal as a cast or index error.
            throw new RecordDecodeException(RejectReasons.Undecodable, $"{s_schema.Name} (schema id {id}): {ex.Message}", ex) { SchemaId = id };
        }
    }

    private SpecificDatumReader<T> ReaderFor(int id)
    {
        if (_readerById.TryGetValue(id, out var cached))
        {
            return cached;
        }
        if (_unknownUntil.TryGetValue(id, out var until) && _time.GetUtcNow() < until)
        {
            throw UnknownSchema(id, "is not registered (remembered)");
        }
        Schema writerSchema;
        try
        {
            writerSchema = Schema.Parse(_calls.Run(() => _registry.GetSchemaAsync(id)).SchemaString);
        }
        catch (SchemaRegistryException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            _unknownUntil[id] = _time.GetUtcNow() + UnknownIdTtl;
            throw UnknownSchema(id, "is not registered");
        }
        if (writerSchema.Fullname != s_schema.Fullname)
        {
            // Apache.Avro would only fail mid-record; a record of another type is a schema mismatch, not bad bytes.
            throw UnknownSchema(id, $"is {writerSchema.Fullname}, not the {s_schema.Fullname} this consumer reads");
        }
        SpecificDatumReader<T> reader;
        try
        {
            reader = new SpecificDatumReader<T>(writerSchema, s_schema);
        }
        catch (AvroException ex)
        {
            throw UnknownSchema(id, $"cannot be read as {s_schema.Fullname}: {ex.Message}");
        }
        return _readerById.GetOrAdd(id, reader);
    }

    /// <summary>
    /// New records to read into, with their array fields' lists already made: for a null array field Apache.Avro makes
    /// the list by a type-name lookup (ObjectCreator; about 4 µs, most of a FlaggedMessage's decode), for an existing
    /// one it only clears it.
    /// </summary>
    private static Func<T> ReadTargetFactory()
    {
        var lists = ((RecordSchema)s_schema).Fields
            .Where(f => f.Schema.Tag == Schema.Type.Array)
            .Select(f => (f.Pos, Type: typeof(List<>).MakeGenericType(typeof(T).GetProperty(f.Name)!.PropertyType.GetGenericArguments()[0])))
            .ToArray();
        return () =>
        {
            var target = new T();
            foreach (var (pos, type) in lists)
            {
                target.Put(pos, Activator.CreateInstance(type));
            }
            return target;
        };
    }

    private static RecordDecodeException UnknownSchema(int id, string what) =>
        new(RejectReasons.UnknownSchema, $"schema id {id} {what}") { SchemaId = id };
}
