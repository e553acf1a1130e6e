using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>A record read from a test output topic.</summary>
public sealed record TestRecord<TKey, TValue>(TKey Key, TValue Value, long Timestamp, int Partition, long Offset, Headers? Headers);
