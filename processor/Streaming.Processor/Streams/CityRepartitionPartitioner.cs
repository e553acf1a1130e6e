using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors;

namespace Streaming.Processor.Streams;

/// <summary>
/// Places records on the city repartition topic: a partial by Kafka's murmur2 of its key (the city, UTF-8), as Java
/// clients and Kafka Streams would; a watermark marker on the partition it is addressed to (one copy per partition).
/// </summary>
public sealed class CityRepartitionPartitioner(CityRepartitionLayout layout) : IStreamPartitioner<byte[], CityRepartitionRecord>
{
    /// <summary>The key of a marker copy: its target partition, 4 bytes big-endian (a partial's key is its city).</summary>
    public static byte[] MarkerKey(int targetPartition)
    {
        var key = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(key, targetPartition);
        return key;
    }

    public void Initialize(IStreamConfig config)
    {
    }

    /// <exception cref="InvalidOperationException">The topic does not have the partition count the topology was built for: markers would miss partitions.</exception>
    public Partition Partition(string topic, byte[] key, CityRepartitionRecord value, Partition sourcePartition, int numPartitions)
    {
        if (numPartitions != layout.Partitions)
        {
            throw new InvalidOperationException(
                $"topic {topic} has {numPartitions} partitions, but the topology sends watermark markers to {layout.Partitions}; create it with {layout.Partitions}.");
        }
        return value.Marker is { } marker
            ? new Partition(marker.TargetPartition)
            : new Partition((Murmur2.Hash(key) & 0x7fffffff) % numPartitions);
    }
}
