namespace Streaming.Runtime;

/// <summary>
/// A user processor: receives records of one key and value type and forwards results through the context.
/// One instance exists per task; all methods run on the task's stream thread.
/// </summary>
/// <remarks>
/// Hook order when time moves: <see cref="OnWatermark"/> fires after the record (or marker) that advanced the
/// task watermark, for every processor of the task in topological order (parents before children).
/// At the end of a bounded run, the watermark first advances to stream time (<see cref="OnWatermark"/>), then
/// <see cref="OnEndOfInput"/> runs in topological order, so a parent's flushed output reaches its children before
/// their own end hook.
/// </remarks>
public interface IProcessor<TKey, TValue>
{
    /// <summary>Called once before any record; keep the context, fetch stores, schedule punctuations.</summary>
    void Init(IProcessorContext context);

    /// <summary>Processes one record.</summary>
    void Process(Record<TKey, TValue> record);

    /// <summary>The task watermark advanced to <paramref name="watermark"/> (never called with a smaller value).</summary>
    void OnWatermark(long watermark)
    {
    }

    /// <summary>Bounded run: the input has ended. Emit whatever is still open (windows) as final.</summary>
    void OnEndOfInput()
    {
    }

    /// <summary>
    /// Forward whatever the processor buffers (for example partial aggregates). The runtime calls it before every
    /// commit and before every watermark marker the task sends, so buffered output is always inside the transaction
    /// that commits its input, and always ahead of a marker that could close its window downstream.
    /// </summary>
    void Flush()
    {
    }

    /// <summary>Called when the task closes; release resources. Stores are closed by the runtime.</summary>
    void Close()
    {
    }
}
