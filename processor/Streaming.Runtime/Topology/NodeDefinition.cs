namespace Streaming.Runtime;

/// <summary>A node of the topology graph as declared; instantiated once per task.</summary>
internal abstract class NodeDefinition(string name, IReadOnlyList<string> parents, int order)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Parents { get; } = parents;

    public List<string> Children { get; } = [];

    /// <summary>Declaration order; ties in the graph are broken by it so task layouts are stable.</summary>
    public int Order { get; } = order;

    public abstract string Kind { get; }

    /// <summary>Creates the runtime node for one task; <paramref name="applicationId"/> resolves internal topics.</summary>
    public abstract ProcessorNode Instantiate(string applicationId);
}

/// <summary>A source: topics plus deserializers, timestamp extractor and deserialization handler.</summary>
internal sealed class SourceDefinition(string name, IReadOnlyList<TopicRef> topics, int order, Func<string, ProcessorNode> factory)
    : NodeDefinition(name, [], order)
{
    public IReadOnlyList<TopicRef> Topics { get; } = topics;

    public override string Kind => "Source";

    public override ProcessorNode Instantiate(string applicationId) => factory(applicationId);
}

/// <summary>A user processor with its connected stores.</summary>
internal sealed class ProcessorDefinition(string name, IReadOnlyList<string> parents, int order, Func<ProcessorNode> factory)
    : NodeDefinition(name, parents, order)
{
    public List<string> Stores { get; } = [];

    public override string Kind => "Processor";

    public override ProcessorNode Instantiate(string applicationId)
    {
        var node = factory();
        node.StoreNames.UnionWith(Stores);
        return node;
    }
}

/// <summary>A sink: a topic plus serializers and partitioner.</summary>
internal sealed class SinkDefinition(string name, TopicRef topic, IReadOnlyList<string> parents, int order, Func<string, ProcessorNode> factory)
    : NodeDefinition(name, parents, order)
{
    public TopicRef Topic { get; } = topic;

    public override string Kind => "Sink";

    public override ProcessorNode Instantiate(string applicationId) => factory(applicationId);
}
