using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// A record flowing between processors: key, value, event timestamp (epoch ms) and headers.
/// Source coordinates (topic, partition, offset) live in <see cref="IProcessorContext.RecordMetadata"/>.
/// </summary>
public readonly record struct Record<TKey, TValue>(TKey Key, TValue Value, long Timestamp, Headers? Headers = null)
{
    /// <summary>The same record with another key.</summary>
    public Record<TNewKey, TValue> WithKey<TNewKey>(TNewKey key) => new(key, Value, Timestamp, Headers);

    /// <summary>The same record with another value.</summary>
    public Record<TKey, TNewValue> WithValue<TNewValue>(TNewValue value) => new(Key, value, Timestamp, Headers);

    /// <summary>The same record with another timestamp.</summary>
    public Record<TKey, TValue> WithTimestamp(long timestamp) => new(Key, Value, timestamp, Headers);
}
