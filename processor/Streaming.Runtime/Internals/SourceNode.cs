using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Reads raw records of its topics: deserializes, extracts event time, forwards.</summary>
internal abstract class SourceNode(string name, bool isRepartition) : ProcessorNode(name)
{
    public bool IsRepartition { get; } = isRepartition;

    public abstract IDeserializationExceptionHandler? DeserializationExceptionHandler { get; }

    /// <summary>Fills Key, Value and Timestamp of <paramref name="record"/>; returns the error instead of throwing.</summary>
    public abstract Exception? TryDeserialize(RawRecord record, long partitionTime, out bool isKey);

    public abstract void Process(RawRecord record, ProcessorContextImpl context);
}

internal sealed class SourceNode<TKey, TValue>(
    string name,
    IDeserializer<TKey> keyDeserializer,
    IDeserializer<TValue> valueDeserializer,
    ITimestampExtractor<TKey, TValue> timestampExtractor,
    IDeserializationExceptionHandler? deserializationExceptionHandler,
    bool isRepartition) : SourceNode(name, isRepartition)
{
    public override string InputType => "raw bytes";

    public override IDeserializationExceptionHandler? DeserializationExceptionHandler => deserializationExceptionHandler;

    public override Exception? TryDeserialize(RawRecord record, long partitionTime, out bool isKey)
    {
        TKey key;
        TValue value;
        isKey = true;
        try
        {
            key = keyDeserializer.Deserialize(record.KeyBytes, record.KeyBytes is null, new SerializationContext(MessageComponentType.Key, record.Topic, record.Headers));
            isKey = false;
            value = valueDeserializer.Deserialize(record.ValueBytes, record.ValueBytes is null, new SerializationContext(MessageComponentType.Value, record.Topic, record.Headers));
        }
        catch (Exception ex)
        {
            return ex;
        }
        record.Key = key;
        record.Value = value;
        try
        {
            record.Timestamp = timestampExtractor.Extract(key, value, record.KafkaTimestamp, partitionTime);
        }
        catch (Exception ex)
        {
            throw new StreamsException($"timestamp extractor of source '{Name}' failed at {record.Topic}-{record.Partition}@{record.Offset}: {ex.Message}", ex);
        }
        return null;
    }

    public override void Process(RawRecord record, ProcessorContextImpl context) =>
        context.Forward(new Record<TKey, TValue>((TKey)record.Key!, (TValue)record.Value!, record.Timestamp, record.Headers));
}
