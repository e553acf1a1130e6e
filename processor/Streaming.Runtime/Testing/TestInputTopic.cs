using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Pipes records into a topic of a <see cref="TopologyTestDriver"/>; each pipe runs the topology until idle.</summary>
public sealed class TestInputTopic<TKey, TValue>
{
    private readonly TopologyTestDriver _driver;
    private readonly ISerializer<TKey> _keySerializer;
    private readonly ISerializer<TValue> _valueSerializer;

    internal TestInputTopic(TopologyTestDriver driver, string topic, ISerializer<TKey> keySerializer, ISerializer<TValue> valueSerializer)
    {
        _driver = driver;
        Topic = topic;
        _keySerializer = keySerializer;
        _valueSerializer = valueSerializer;
    }

    /// <summary>The topic name.</summary>
    public string Topic { get; }

    /// <summary>Appends one record with the given Kafka timestamp; partition default = murmur2 of the key bytes.</summary>
    public void PipeInput(TKey key, TValue value, long timestamp, int? partition = null, Headers? headers = null)
    {
        var keyBytes = key is null ? null : _keySerializer.Serialize(key, new SerializationContext(MessageComponentType.Key, Topic, headers));
        var valueBytes = value is null ? null : _valueSerializer.Serialize(value, new SerializationContext(MessageComponentType.Value, Topic, headers));
        _driver.PipeRaw(Topic, partition, keyBytes, valueBytes, headers, timestamp);
    }

    /// <summary>Appends raw bytes (e.g. undeserializable input).</summary>
    public void PipeRawInput(byte[]? key, byte[]? value, long timestamp, int? partition = null, Headers? headers = null) =>
        _driver.PipeRaw(Topic, partition, key, value, headers, timestamp);
}
