namespace Streaming.Runtime;

/// <summary>A node of one task's processor graph.</summary>
internal abstract class ProcessorNode(string name)
{
    private readonly List<ProcessorNode> _children = [];
    private readonly Dictionary<string, ProcessorNode> _childrenByName = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public IReadOnlyList<ProcessorNode> Children => _children;

    /// <summary>Stores this node may open.</summary>
    public HashSet<string> StoreNames { get; } = new(StringComparer.Ordinal);

    /// <summary>"Record&lt;K,V&gt;" accepted, for error messages.</summary>
    public abstract string InputType { get; }

    public void AddChild(ProcessorNode child)
    {
        _children.Add(child);
        _childrenByName.Add(child.Name, child);
    }

    public ProcessorNode? Child(string name) => _childrenByName.GetValueOrDefault(name);

    public virtual void Init(ProcessorContextImpl context)
    {
    }

    public virtual void OnWatermark(long watermark)
    {
    }

    public virtual void OnEndOfInput()
    {
    }

    public virtual void Flush()
    {
    }

    public virtual void Close()
    {
    }

    protected static string TypeName<TKey, TValue>() => $"Record<{typeof(TKey).Name},{typeof(TValue).Name}>";
}

/// <summary>A node that takes typed records.</summary>
internal interface IRecordReceiver<TKey, TValue>
{
    void Receive(Record<TKey, TValue> record);
}

/// <summary>Marks nodes whose <see cref="ProcessorNode.OnWatermark"/> does something (user processors).</summary>
internal interface IWatermarkAware
{
}
