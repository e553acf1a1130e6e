namespace Streaming.Runtime;

/// <summary>Chooses the output partition of a sink record; return null for the default (murmur2 of the key bytes, as Java).</summary>
public interface IStreamPartitioner<TKey, TValue>
{
    /// <summary>Returns a partition in [0, <paramref name="partitionCount"/>) or null for the default.</summary>
    int? Partition(string topic, TKey key, TValue value, int partitionCount);
}
