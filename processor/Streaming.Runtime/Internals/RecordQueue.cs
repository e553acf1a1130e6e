namespace Streaming.Runtime;

/// <summary>
/// Buffered records of one input partition of a task. The head is deserialized when it becomes the head; markers and
/// records the deserialization handler skips or routes are consumed there and never reach processors.
/// </summary>
internal sealed class RecordQueue
{
    private readonly Queue<RawRecord> _fifo = new();
    private readonly Action<RecordQueue, RawRecord, Exception, bool> _onDeserializationFailure;

    public RecordQueue(string topic, int partition, SourceNode source, PartitionClock clock, Action<RecordQueue, RawRecord, Exception, bool> onDeserializationFailure)
    {
        Topic = topic;
        Partition = partition;
        Source = source;
        Clock = clock;
        _onDeserializationFailure = onDeserializationFailure;
    }

    public string Topic { get; }

    public int Partition { get; }

    public SourceNode Source { get; }

    public PartitionClock Clock { get; }

    public bool IsRepartition => Source.IsRepartition;

    /// <summary>The next record to process (deserialized), or null.</summary>
    public RawRecord? Head { get; private set; }

    /// <summary>Ordering key of the head: its event time, or the partition time if it has none.</summary>
    public long HeadTimestamp { get; private set; }

    /// <summary>Offset of the last record taken out of this queue (processed, skipped, routed or a marker); -1 if none.</summary>
    public long ConsumedOffset { get; set; } = -1;

    /// <summary>Bounded run: the partition's end offset has been read; nothing more will be added.</summary>
    public bool InputComplete { get; set; }

    /// <summary>Buffered records including the head.</summary>
    public int Count => _fifo.Count + (Head is null ? 0 : 1);

    /// <summary>Nothing buffered and nothing more will come.</summary>
    public bool IsExhausted => Head is null && _fifo.Count == 0 && (IsRepartition ? Clock.Ended : InputComplete);

    public void Add(RawRecord record)
    {
        _fifo.Enqueue(record);
        if (Head is null)
        {
            UpdateHead();
        }
    }

    /// <summary>Takes the head; the next head is prepared (markers applied) immediately.</summary>
    public RawRecord Poll()
    {
        var head = Head ?? throw new InvalidOperationException($"queue {Topic}-{Partition} is empty.");
        ConsumedOffset = head.Offset;
        Head = null;
        UpdateHead();
        return head;
    }

    /// <summary>Drops everything buffered (task closing).</summary>
    public void Clear()
    {
        _fifo.Clear();
        Head = null;
        // Records after ConsumedOffset will be fetched again, so the partition is not complete any more.
        InputComplete = false;
    }

    /// <summary>Prepares the head after a state change that may unblock it (nothing to do for now; kept for symmetry).</summary>
    public void UpdateHead()
    {
        while (Head is null && _fifo.TryDequeue(out var record))
        {
            if (IsRepartition && WatermarkMarker.IsMarker(record.Headers))
            {
                // In order with data: every record before the marker has been processed already.
                Clock.ApplyMarker(WatermarkMarker.Decode(record));
                ConsumedOffset = record.Offset;
                continue;
            }
            var error = Source.TryDeserialize(record, Clock.StreamTime, out var isKey);
            if (error is not null)
            {
                ConsumedOffset = record.Offset;
                _onDeserializationFailure(this, record, error, isKey);
                continue;
            }
            Head = record;
            HeadTimestamp = record.Timestamp >= 0 ? record.Timestamp : Clock.StreamTime;
        }
    }
}
