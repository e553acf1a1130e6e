using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Sends one task's records through the thread's producer. Delivery reports (on librdkafka's poll thread) record the
/// offset range written per partition in the current transaction and keep the first error; the next
/// <see cref="Send"/> or <see cref="CheckErrors"/> rethrows it. Without delivery tracking
/// (<see cref="StreamsConfig.TracksDeliveries"/>) there are no reports: no ranges, and the transaction reports errors.
/// </summary>
internal sealed class RecordCollector : IRecordCollector
{
    private readonly StreamsProducer _producer;
    private readonly TopicMetadataCache _metadata;
    private readonly TaskId _taskId;
    private readonly StreamsMetrics _metrics;
    private readonly Dictionary<string, StreamsCounter> _recordsOut = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), ProducedRange> _ranges = new();
    private readonly object _lock = new();
    private readonly Action<DeliveryReport<byte[]?, byte[]?>>? _onDelivery;
    private volatile Error? _firstError;
    private string? _firstErrorTopic;

    public RecordCollector(TaskId taskId, StreamsProducer producer, TopicMetadataCache metadata, StreamsMetrics metrics, bool trackDeliveries)
    {
        _taskId = taskId;
        _producer = producer;
        _metadata = metadata;
        _metrics = metrics;
        _onDelivery = trackDeliveries ? OnDelivery : null;
    }

    public void Send(string topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp)
    {
        CheckErrors();
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers, Timestamp = new Timestamp(Math.Max(timestamp, 0), TimestampType.CreateTime) };
        _producer.Send(topic, partition, message, _onDelivery);
        if (headers is null || !WatermarkMarker.IsMarker(headers))
        {
            if (!_recordsOut.TryGetValue(topic, out var counter))
            {
                _recordsOut[topic] = counter = _metrics.Get(StreamsMetrics.RecordsOut, topic);
            }
            counter.Increment();
        }
    }

    public int PartitionCount(string topic) => _metadata.PartitionCount(topic);

    /// <summary>Rethrows the first asynchronous send error.</summary>
    public void CheckErrors()
    {
        var error = _firstError;
        if (error is null)
        {
            return;
        }
        string? topic;
        lock (_lock)
        {
            topic = _firstErrorTopic;
        }
        var message = $"task {_taskId}: sending to {topic} failed: {error.Code}: {error.Reason}";
        throw StreamsProducer.IsMigration(error) ? new TaskMigratedException(message) : new StreamsException(message);
    }

    /// <summary>The ranges written since the last call (call after a flush).</summary>
    public List<ProducedRange> TakeProducedRanges()
    {
        lock (_lock)
        {
            var result = _ranges.Values.ToList();
            _ranges.Clear();
            return result;
        }
    }

    public void ClearError()
    {
        lock (_lock)
        {
            _firstError = null;
            _ranges.Clear();
        }
    }

    private void OnDelivery(DeliveryReport<byte[]?, byte[]?> report)
    {
        lock (_lock)
        {
            if (report.Error.IsError)
            {
                if (_firstError is null)
                {
                    _firstError = report.Error;
                    _firstErrorTopic = report.Topic;
                }
                return;
            }
            var key = (report.Topic, report.Partition.Value);
            var offset = report.Offset.Value;
            if (_ranges.TryGetValue(key, out var range))
            {
                range.First = Math.Min(range.First, offset);
                range.Last = Math.Max(range.Last, offset);
            }
            else
            {
                _ranges[key] = new ProducedRange { Topic = report.Topic, Partition = report.Partition.Value, First = offset, Last = offset };
            }
        }
    }
}
