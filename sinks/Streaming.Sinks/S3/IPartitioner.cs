namespace Streaming.Sinks.S3;

/// <summary>
/// Decides the folder of a record inside its table (Confluent's Partitioner): the encoded partition of an event time, and
/// the path of that partition under a table.
/// </summary>
public interface IPartitioner
{
    /// <summary>The start (UTC epoch ms) of the partition holding <paramref name="eventTimeMillis"/>.</summary>
    long PartitionStart(long eventTimeMillis);

    /// <summary>The end (exclusive, UTC epoch ms) of the partition starting at <paramref name="partitionStart"/>.</summary>
    long PartitionEnd(long partitionStart);

    /// <summary>The encoded partition of an event time, e.g. <c>dt=2025-09-01/hour=03</c>.</summary>
    string EncodePartition(long eventTimeMillis);

    /// <summary>The path of an encoded partition under a table: <c>{table}/{encodedPartition}</c> with the table name sanitised.</summary>
    string GeneratePartitionedPath(string table, string encodedPartition);
}
