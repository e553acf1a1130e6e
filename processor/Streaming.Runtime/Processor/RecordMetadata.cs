using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Where the record being processed was read, with its raw bytes (for rejected-record routing).</summary>
public sealed class RecordMetadata
{
    internal RecordMetadata(string topic, int partition, long offset, long timestamp, byte[]? rawKey, byte[]? rawValue, Headers? headers)
    {
        Topic = topic;
        Partition = partition;
        Offset = offset;
        Timestamp = timestamp;
        RawKey = rawKey;
        RawValue = rawValue;
        Headers = headers;
    }

    /// <summary>Source topic (an internal repartition topic for downstream tasks).</summary>
    public string Topic { get; }

    /// <summary>Source partition.</summary>
    public int Partition { get; }

    /// <summary>Source offset.</summary>
    public long Offset { get; }

    /// <summary>The Kafka record timestamp (not necessarily the event time the extractor chose).</summary>
    public long Timestamp { get; }

    /// <summary>The key bytes as read.</summary>
    public byte[]? RawKey { get; }

    /// <summary>The value bytes as read.</summary>
    public byte[]? RawValue { get; }

    /// <summary>The Kafka headers as read.</summary>
    public Headers? Headers { get; }
}
