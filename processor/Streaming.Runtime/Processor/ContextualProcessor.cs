namespace Streaming.Runtime;

/// <summary>Base class that keeps the context from <see cref="Init"/> in <see cref="Context"/>.</summary>
public abstract class ContextualProcessor<TKey, TValue> : IProcessor<TKey, TValue>
{
    private IProcessorContext? _context;

    /// <summary>The context given to <see cref="Init"/>.</summary>
    protected IProcessorContext Context => _context ?? throw new InvalidOperationException($"{GetType().Name} used before Init.");

    /// <inheritdoc />
    public virtual void Init(IProcessorContext context) => _context = context;

    /// <inheritdoc />
    public abstract void Process(Record<TKey, TValue> record);

    /// <inheritdoc />
    public virtual void OnWatermark(long watermark)
    {
    }

    /// <inheritdoc />
    public virtual void OnEndOfInput()
    {
    }

    /// <inheritdoc />
    public virtual void Flush()
    {
    }

    /// <inheritdoc />
    public virtual void Close()
    {
    }
}
