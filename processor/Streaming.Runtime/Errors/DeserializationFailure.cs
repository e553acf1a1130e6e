using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>A source record whose key or value could not be deserialized, as given to the handler.</summary>
public sealed record DeserializationFailure(
    TaskId TaskId,
    string Topic,
    int Partition,
    long Offset,
    long Timestamp,
    byte[]? RawKey,
    byte[]? RawValue,
    Headers? Headers,
    bool IsKey,
    Exception Exception);
