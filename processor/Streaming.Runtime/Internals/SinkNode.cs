using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>Serializes records and hands them to the record collector, choosing the partition.</summary>
internal sealed class SinkNode<TKey, TValue>(
    string name,
    string topic,
    ISerializer<TKey> keySerializer,
    ISerializer<TValue> valueSerializer,
    IStreamPartitioner<TKey, TValue>? partitioner,
    bool isRepartition) : ProcessorNode(name), IRecordReceiver<TKey, TValue>, ISinkNode
{
    private ProcessorContextImpl? _context;

    public override string InputType => TypeName<TKey, TValue>();

    public string Topic => topic;

    public bool IsRepartition => isRepartition;

    public override void Init(ProcessorContextImpl context) => _context = context;

    public void Receive(Record<TKey, TValue> record)
    {
        var context = _context!;
        byte[]? keyBytes;
        byte[]? valueBytes;
        try
        {
            keyBytes = record.Key is null ? null : keySerializer.Serialize(record.Key, new SerializationContext(MessageComponentType.Key, topic, record.Headers));
            valueBytes = record.Value is null ? null : valueSerializer.Serialize(record.Value, new SerializationContext(MessageComponentType.Value, topic, record.Headers));
        }
        catch (Exception ex)
        {
            throw new StreamsException($"sink '{Name}' of task {context.TaskId} could not serialize a record for topic {topic}: {ex.Message}", ex);
        }
        var collector = context.Collector;
        var partitionCount = collector.PartitionCount(topic);
        var partition = partitioner?.Partition(topic, record.Key, record.Value, partitionCount);
        if (partition is null)
        {
            partition = keyBytes is null ? -1 : Murmur2Partitioner.Partition(keyBytes, partitionCount);
        }
        else if (partition < 0 || partition >= partitionCount)
        {
            throw new StreamsException($"partitioner of sink '{Name}' returned partition {partition} for topic {topic}, which has {partitionCount} partitions.");
        }
        collector.Send(topic, partition.Value, keyBytes, valueBytes, record.Headers, record.Timestamp);
    }
}

/// <summary>The non-generic view of a sink the task needs for watermark markers.</summary>
internal interface ISinkNode
{
    string Topic { get; }

    bool IsRepartition { get; }
}
