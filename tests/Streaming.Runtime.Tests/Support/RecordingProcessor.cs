using Streaming.Runtime;

namespace Streaming.Runtime.Tests.Support;

/// <summary>Remembers every record it sees with the time view at that moment, and forwards it unchanged.</summary>
public sealed class RecordingProcessor<TKey, TValue> : ContextualProcessor<TKey, TValue>
{
    public List<Seen> Records { get; } = [];

    public List<long> Watermarks { get; } = [];

    public int EndOfInputCalls { get; private set; }

    public override void Process(Record<TKey, TValue> record)
    {
        var meta = Context.RecordMetadata!;
        Records.Add(new Seen(record.Key, record.Value, record.Timestamp, meta.Topic, meta.Partition, meta.Offset, Context.SourcePartitionWatermark, Context.Watermark, Context.StreamTime));
        Context.Forward(record);
    }

    public override void OnWatermark(long watermark) => Watermarks.Add(watermark);

    public override void OnEndOfInput() => EndOfInputCalls++;

    public sealed record Seen(TKey Key, TValue Value, long Timestamp, string Topic, int Partition, long Offset, long SourceWatermark, long TaskWatermark, long StreamTime);
}
