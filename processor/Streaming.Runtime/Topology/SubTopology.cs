namespace Streaming.Runtime;

/// <summary>
/// A connected part of the topology after cutting at repartition topics. It runs as one task per partition of its
/// source topics.
/// </summary>
public sealed class SubTopology
{
    internal SubTopology(int id, IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<StoreBuilder> stores)
    {
        Id = id;
        Nodes = nodes;
        Stores = stores;
        Sources = nodes.OfType<SourceDefinition>().ToList();
        Sinks = nodes.OfType<SinkDefinition>().ToList();
    }

    /// <summary>The sub-topology id (the first number of its task ids).</summary>
    public int Id { get; }

    /// <summary>Node names in topological order.</summary>
    public IReadOnlyList<string> NodeNames => Nodes.Select(n => n.Name).ToList();

    /// <summary>Store names.</summary>
    public IReadOnlyList<string> StoreNames => Stores.Select(s => s.Name).ToList();

    /// <summary>Source topics, internal ones resolved with <paramref name="applicationId"/>.</summary>
    public IReadOnlyList<string> SourceTopics(string applicationId) => SourceTopicRefs.Select(t => t.Resolve(applicationId)).ToList();

    /// <summary>Sink topics, internal ones resolved with <paramref name="applicationId"/>.</summary>
    public IReadOnlyList<string> SinkTopics(string applicationId) => Sinks.Select(s => s.Topic.Resolve(applicationId)).ToList();

    internal IReadOnlyList<NodeDefinition> Nodes { get; }

    internal IReadOnlyList<StoreBuilder> Stores { get; }

    internal IReadOnlyList<SourceDefinition> Sources { get; }

    internal IReadOnlyList<SinkDefinition> Sinks { get; }

    internal IEnumerable<TopicRef> SourceTopicRefs => Sources.SelectMany(s => s.Topics);

    internal IEnumerable<TopicRef> RepartitionSinkTopics => Sinks.Where(s => s.Topic.IsRepartition).Select(s => s.Topic);

    /// <summary>Creates fresh nodes, processors and stores for one task.</summary>
    internal ProcessorTopology Instantiate(string applicationId)
    {
        var nodes = new Dictionary<string, ProcessorNode>(StringComparer.Ordinal);
        var ordered = new List<ProcessorNode>(Nodes.Count);
        foreach (var definition in Nodes)
        {
            var node = definition.Instantiate(applicationId);
            nodes.Add(definition.Name, node);
            ordered.Add(node);
        }
        foreach (var definition in Nodes)
        {
            foreach (var child in definition.Children)
            {
                nodes[definition.Name].AddChild(nodes[child]);
            }
        }
        var sourcesByTopic = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            foreach (var topic in source.Topics)
            {
                sourcesByTopic.Add(topic.Resolve(applicationId), (SourceNode)nodes[source.Name]);
            }
        }
        var stores = Stores.Select(s => s.Build()).ToList();
        return new ProcessorTopology(ordered, sourcesByTopic, stores);
    }
}
