using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Where a task's output goes: the Kafka producer (<see cref="RecordCollector"/>) or the test driver's in-memory topics.
/// Send errors may surface on a later call (asynchronous delivery).
/// </summary>
internal interface IRecordCollector
{
    /// <summary>Sends one record; <paramref name="partition"/> -1 lets the collector choose (null keys).</summary>
    void Send(string topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp);

    /// <summary>The partition count of an output topic.</summary>
    int PartitionCount(string topic);
}
