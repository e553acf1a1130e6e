namespace Streaming.Runtime;

/// <summary>One task's instantiated graph: nodes in topological order, sources by topic, stores.</summary>
internal sealed class ProcessorTopology(IReadOnlyList<ProcessorNode> nodes, IReadOnlyDictionary<string, SourceNode> sourcesByTopic, IReadOnlyList<IManagedStore> stores)
{
    public IReadOnlyList<ProcessorNode> Nodes { get; } = nodes;

    public IReadOnlyDictionary<string, SourceNode> SourcesByTopic { get; } = sourcesByTopic;

    public IReadOnlyList<IManagedStore> Stores { get; } = stores;

    /// <summary>Distinct repartition topics written by this task.</summary>
    public IReadOnlyList<string> RepartitionSinkTopics { get; } = nodes.OfType<ISinkNode>().Where(s => s.IsRepartition).Select(s => s.Topic).Distinct().ToList();
}
