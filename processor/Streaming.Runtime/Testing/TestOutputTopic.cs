using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Reads what the topology wrote to a topic, in write order across partitions; markers are skipped.</summary>
public sealed class TestOutputTopic<TKey, TValue>
{
    private readonly InMemoryTopic _topic;
    private readonly IDeserializer<TKey> _keyDeserializer;
    private readonly IDeserializer<TValue> _valueDeserializer;
    private int _position;

    internal TestOutputTopic(InMemoryTopic topic, IDeserializer<TKey> keyDeserializer, IDeserializer<TValue> valueDeserializer)
    {
        _topic = topic;
        _keyDeserializer = keyDeserializer;
        _valueDeserializer = valueDeserializer;
    }

    /// <summary>Unread records (markers excluded).</summary>
    public int QueueSize => _topic.AppendOrder.Skip(_position).Count(r => !WatermarkMarker.IsMarker(r.Headers));

    /// <summary>True when nothing is unread.</summary>
    public bool IsEmpty => QueueSize == 0;

    /// <summary>Reads and consumes every unread record.</summary>
    public List<TestRecord<TKey, TValue>> ReadRecordsToList()
    {
        var result = new List<TestRecord<TKey, TValue>>();
        for (; _position < _topic.AppendOrder.Count; _position++)
        {
            var raw = _topic.AppendOrder[_position];
            if (WatermarkMarker.IsMarker(raw.Headers))
            {
                continue;
            }
            var key = _keyDeserializer.Deserialize(raw.KeyBytes, raw.KeyBytes is null, new SerializationContext(MessageComponentType.Key, raw.Topic, raw.Headers));
            var value = _valueDeserializer.Deserialize(raw.ValueBytes, raw.ValueBytes is null, new SerializationContext(MessageComponentType.Value, raw.Topic, raw.Headers));
            result.Add(new TestRecord<TKey, TValue>(key, value, raw.KafkaTimestamp, raw.Partition, raw.Offset, raw.Headers));
        }
        return result;
    }

    /// <summary>Reads and consumes every unread record as key-value pairs.</summary>
    public List<KeyValuePair<TKey, TValue>> ReadKeyValuesToList() => ReadRecordsToList().Select(r => new KeyValuePair<TKey, TValue>(r.Key, r.Value)).ToList();

    /// <summary>Reads and consumes every unread value.</summary>
    public List<TValue> ReadValuesToList() => ReadRecordsToList().Select(r => r.Value).ToList();
}
