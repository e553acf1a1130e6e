using System.Globalization;

namespace Streaming.Sinks.S3;

/// <summary>
/// Object keys, relative to the destination root (bucket + prefix, or the local folder):
/// <c>{table}/dt=YYYY-MM-DD/hour=HH/{topic}+{partition}+{startOffset:D20}.parquet</c>. The key depends only on the
/// table, the hour and the first offset in the file, so a rewrite after a crash replaces the same object.
/// </summary>
public static class ObjectKeys
{
    /// <summary>The data file of a Kafka partition's hour, named by the first offset it holds.</summary>
    public static string DataFile(IPartitioner partitioner, string table, string topic, int partition, long hourStart, long startOffset)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        var folder = partitioner.GeneratePartitionedPath(table, partitioner.EncodePartition(hourStart));
        return string.Create(CultureInfo.InvariantCulture, $"{folder}/{PathSegment.Encode(topic)}+{partition}+{startOffset:D20}.parquet");
    }

    /// <summary>
    /// One of the two checkpoint slots of a Kafka partition: <c>{table}/_checkpoints/{topic}+{partition}.{a|b}.json</c>.
    /// Athena's projection and <c>**/*.parquet</c> globs never read them.
    /// </summary>
    public static string Checkpoint(string table, string topic, int partition, CheckpointSlot slot) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{PathSegment.Encode(table)}/_checkpoints/{PathSegment.Encode(topic)}+{partition}.{(slot == CheckpointSlot.A ? 'a' : 'b')}.json");
}
