using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>Record counts by stream and kind; safe to increment from a delivery-report thread.</summary>
public sealed class SendCounts
{
    private readonly long[] _counts = new long[EventStreams.All.Count * RecordKinds.All.Count];

    /// <summary>Adds one record.</summary>
    public void Increment(EventStream stream, RecordKind kind) => Interlocked.Increment(ref _counts[Index(stream, kind)]);

    /// <summary>The count of one stream and kind.</summary>
    public long Get(EventStream stream, RecordKind kind) => Interlocked.Read(ref _counts[Index(stream, kind)]);

    /// <summary>The count of one stream, all kinds.</summary>
    public long Get(EventStream stream) => RecordKinds.All.Sum(kind => Get(stream, kind));

    /// <summary>The count of one kind, all streams.</summary>
    public long Get(RecordKind kind) => EventStreams.All.Sum(stream => Get(stream, kind));

    /// <summary>Every record counted.</summary>
    public long Total => EventStreams.All.Sum(Get);

    private static int Index(EventStream stream, RecordKind kind) => ((int)stream * RecordKinds.All.Count) + (int)kind;
}
