using Streaming.Runtime;

namespace Streaming.Runtime.Tests.Support;

/// <summary>
/// Test topology logic: counts and sums values per key in tumbling windows held in a window store, and emits each
/// window once, when the task watermark reaches its end (or at end of input), as "key@start" → "count:sum".
/// Emission order is (window start, key), so it does not depend on arrival order.
/// </summary>
public sealed class TumblingWindowCounter(string storeName, long sizeMs) : ContextualProcessor<string, long>
{
    private IWindowStore<string, string> _store = null!;

    public override void Init(IProcessorContext context)
    {
        base.Init(context);
        _store = context.GetStateStore<IWindowStore<string, string>>(storeName);
    }

    public override void Process(Record<string, long> record)
    {
        var start = record.Timestamp - (((record.Timestamp % sizeMs) + sizeMs) % sizeMs);
        var (count, sum) = _store.TryFetch(record.Key, start, out var current) ? Parse(current) : (0L, 0L);
        _store.Put(record.Key, $"{count + 1}:{sum + record.Value}", start);
    }

    public override void OnWatermark(long watermark) => Emit(watermark);

    public override void OnEndOfInput() => Emit(long.MaxValue);

    private void Emit(long watermark)
    {
        var closed = _store.All()
            .Where(e => watermark == long.MaxValue || e.WindowStart + sizeMs <= watermark)
            .OrderBy(e => e.WindowStart).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var entry in closed)
        {
            Context.Forward(new Record<string, string>($"{entry.Key}@{entry.WindowStart}", entry.Value, entry.WindowStart + sizeMs - 1));
            _store.Delete(entry.Key, entry.WindowStart);
        }
    }

    private static (long Count, long Sum) Parse(string text)
    {
        var sep = text.IndexOf(':');
        return (long.Parse(text[..sep]), long.Parse(text[(sep + 1)..]));
    }
}
