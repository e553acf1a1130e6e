using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Declares a processor graph: sources, processors, sinks, repartition topics and stores, then <see cref="Build"/>s
/// an immutable <see cref="Topology"/>. Parents must be declared before their children.
/// </summary>
public sealed class TopologyBuilder
{
    private readonly List<NodeDefinition> _nodes = [];
    private readonly Dictionary<string, NodeDefinition> _byName = new(StringComparer.Ordinal);
    private readonly List<(StoreBuilder Builder, string[] Processors)> _stores = [];
    private readonly Dictionary<string, string> _sourceByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?> _repartitionPartitions = new(StringComparer.Ordinal);

    /// <summary>Adds a source reading <paramref name="topics"/>.</summary>
    /// <param name="name">Node name, unique in the topology.</param>
    /// <param name="topics">External topics this source reads (co-partitioned if more than one).</param>
    /// <param name="keyDeserializer">Key deserializer.</param>
    /// <param name="valueDeserializer">Value deserializer.</param>
    /// <param name="timestampExtractor">Event time of a record; default the Kafka record timestamp.</param>
    /// <param name="deserializationExceptionHandler">Per-source handler; default the application's (fail).</param>
    public TopologyBuilder AddSource<TKey, TValue>(string name, string[] topics, IDeserializer<TKey> keyDeserializer, IDeserializer<TValue> valueDeserializer,
        ITimestampExtractor<TKey, TValue>? timestampExtractor = null, IDeserializationExceptionHandler? deserializationExceptionHandler = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(keyDeserializer);
        ArgumentNullException.ThrowIfNull(valueDeserializer);
        if (topics.Length == 0)
        {
            throw new ArgumentException($"source '{name}' needs at least one topic.", nameof(topics));
        }
        var refs = topics.Select(t => new TopicRef(t, false)).ToArray();
        AddNode(new SourceDefinition(name, refs, _nodes.Count, _ => new SourceNode<TKey, TValue>(name, keyDeserializer, valueDeserializer,
            timestampExtractor ?? TimestampExtractors.RecordTimestamp<TKey, TValue>(), deserializationExceptionHandler, isRepartition: false)));
        return this;
    }

    /// <summary>Adds a source reading one topic with serdes.</summary>
    public TopologyBuilder AddSource<TKey, TValue>(string name, string topic, Serde<TKey> keySerde, Serde<TValue> valueSerde,
        ITimestampExtractor<TKey, TValue>? timestampExtractor = null, IDeserializationExceptionHandler? deserializationExceptionHandler = null) =>
        AddSource(name, [topic], keySerde.Deserializer, valueSerde.Deserializer, timestampExtractor, deserializationExceptionHandler);

    /// <summary>Adds a processor; <paramref name="supplier"/> is called once per task.</summary>
    public TopologyBuilder AddProcessor<TKey, TValue>(string name, Func<IProcessor<TKey, TValue>> supplier, params string[] parents)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        AddNode(new ProcessorDefinition(name, RequireParents(name, parents), _nodes.Count, () => new ProcessorAdapterNode<TKey, TValue>(name, supplier())));
        return this;
    }

    /// <summary>Adds a sink writing to <paramref name="topic"/> with the default partitioner (murmur2 of the key bytes).</summary>
    public TopologyBuilder AddSink<TKey, TValue>(string name, string topic, ISerializer<TKey> keySerializer, ISerializer<TValue> valueSerializer, params string[] parents) =>
        AddSink(name, topic, keySerializer, valueSerializer, null, parents);

    /// <summary>Adds a sink writing to <paramref name="topic"/>; <paramref name="partitioner"/> may return null for the default.</summary>
    public TopologyBuilder AddSink<TKey, TValue>(string name, string topic, ISerializer<TKey> keySerializer, ISerializer<TValue> valueSerializer,
        IStreamPartitioner<TKey, TValue>? partitioner, params string[] parents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(keySerializer);
        ArgumentNullException.ThrowIfNull(valueSerializer);
        var topicRef = new TopicRef(topic, false);
        AddNode(new SinkDefinition(name, topicRef, RequireParents(name, parents), _nodes.Count,
            _ => new SinkNode<TKey, TValue>(name, topic, keySerializer, valueSerializer, partitioner, isRepartition: false)));
        return this;
    }

    /// <summary>Adds a sink with serdes.</summary>
    public TopologyBuilder AddSink<TKey, TValue>(string name, string topic, Serde<TKey> keySerde, Serde<TValue> valueSerde, params string[] parents) =>
        AddSink(name, topic, keySerde.Serializer, valueSerde.Serializer, null, parents);

    /// <summary>
    /// Adds an internal repartition topic <c>{appId}-{name}-repartition</c>: a sink node <c>{name}-sink</c> (children of
    /// <paramref name="parents"/>) and a source node <c>{name}-source</c> in a new sub-topology; connect downstream
    /// processors to <c>{name}-source</c>. The sink also sends watermark markers to every partition; the source keeps
    /// the minimum watermark over upstream tasks and never shows markers to processors.
    /// </summary>
    /// <param name="name">Logical name.</param>
    /// <param name="keySerde">Key serde.</param>
    /// <param name="valueSerde">Value serde.</param>
    /// <param name="partitioner">Partitioner; null for murmur2 of the key bytes.</param>
    /// <param name="partitions">Partition count; null for the upstream sub-topology's task count (the existing topic's count wins on Kafka).</param>
    /// <param name="parents">The nodes feeding the repartition.</param>
    public TopologyBuilder AddRepartition<TKey, TValue>(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde,
        IStreamPartitioner<TKey, TValue>? partitioner, int? partitions, params string[] parents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(keySerde);
        ArgumentNullException.ThrowIfNull(valueSerde);
        if (partitions is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(partitions), partitions, $"repartition '{name}' needs a positive partition count.");
        }
        if (_repartitionPartitions.ContainsKey(name))
        {
            throw new ArgumentException($"repartition '{name}' is declared twice.", nameof(name));
        }
        var topicRef = new TopicRef(name, true);
        var sinkName = name + "-sink";
        var sourceName = name + "-source";
        AddNode(new SinkDefinition(sinkName, topicRef, RequireParents(sinkName, parents), _nodes.Count,
            appId => new SinkNode<TKey, TValue>(sinkName, topicRef.Resolve(appId), keySerde.Serializer, valueSerde.Serializer, partitioner, isRepartition: true)));
        AddNode(new SourceDefinition(sourceName, [topicRef], _nodes.Count, _ => new SourceNode<TKey, TValue>(sourceName, keySerde.Deserializer, valueSerde.Deserializer,
            TimestampExtractors.RecordTimestamp<TKey, TValue>(), DeserializationExceptionHandlers.LogAndFail, isRepartition: true)));
        _repartitionPartitions[name] = partitions;
        return this;
    }

    /// <summary>Adds a repartition with the default partitioner and partition count.</summary>
    public TopologyBuilder AddRepartition<TKey, TValue>(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde, params string[] parents) =>
        AddRepartition(name, keySerde, valueSerde, null, null, parents);

    /// <summary>Adds a store and connects it to processors (which must already be declared or be declared before Build).</summary>
    public TopologyBuilder AddStateStore(StoreBuilder storeBuilder, params string[] processorNames)
    {
        ArgumentNullException.ThrowIfNull(storeBuilder);
        if (_stores.Any(s => s.Builder.Name == storeBuilder.Name))
        {
            throw new ArgumentException($"state store '{storeBuilder.Name}' is added twice.", nameof(storeBuilder));
        }
        _stores.Add((storeBuilder, processorNames ?? []));
        return this;
    }

    /// <summary>Connects an existing store to more processors.</summary>
    public TopologyBuilder ConnectProcessorAndStateStores(string processorName, params string[] storeNames)
    {
        foreach (var storeName in storeNames)
        {
            var index = _stores.FindIndex(s => s.Builder.Name == storeName);
            if (index < 0)
            {
                throw new ArgumentException($"state store '{storeName}' is not added; call AddStateStore first.", nameof(storeNames));
            }
            _stores[index] = (_stores[index].Builder, [.. _stores[index].Processors, processorName]);
        }
        return this;
    }

    /// <summary>Validates the graph and derives the sub-topologies.</summary>
    public Topology Build()
    {
        foreach (var node in _nodes)
        {
            node.Children.Clear();
        }
        foreach (var node in _nodes)
        {
            foreach (var parent in node.Parents)
            {
                _byName[parent].Children.Add(node.Name);
            }
        }
        foreach (var (builder, processors) in _stores)
        {
            foreach (var processor in processors)
            {
                if (!_byName.TryGetValue(processor, out var node) || node is not ProcessorDefinition definition)
                {
                    throw new InvalidOperationException($"state store '{builder.Name}' is connected to '{processor}', which is not a processor of this topology.");
                }
                if (!definition.Stores.Contains(builder.Name))
                {
                    definition.Stores.Add(builder.Name);
                }
            }
        }
        return Topology.Create(_nodes, _stores.Select(s => s.Builder).ToList(), new Dictionary<string, int?>(_repartitionPartitions));
    }

    private void AddNode(NodeDefinition node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node.Name);
        if (_byName.ContainsKey(node.Name))
        {
            throw new ArgumentException($"node name '{node.Name}' is already used in this topology.");
        }
        if (node is SourceDefinition source)
        {
            foreach (var topic in source.Topics)
            {
                var key = topic.ToString();
                if (_sourceByTopic.TryGetValue(key, out var other))
                {
                    throw new ArgumentException($"topic '{topic.Name}' is already read by source '{other}'; a topic can have one source.");
                }
                _sourceByTopic[key] = node.Name;
            }
        }
        _nodes.Add(node);
        _byName.Add(node.Name, node);
    }

    private string[] RequireParents(string name, string[] parents)
    {
        if (parents is null || parents.Length == 0)
        {
            throw new ArgumentException($"node '{name}' needs at least one parent.", nameof(parents));
        }
        foreach (var parent in parents)
        {
            if (!_byName.TryGetValue(parent, out var node))
            {
                throw new ArgumentException($"parent '{parent}' of node '{name}' is not declared (declare parents first).", nameof(parents));
            }
            if (node is SinkDefinition)
            {
                throw new ArgumentException($"parent '{parent}' of node '{name}' is a sink; sinks have no children.", nameof(parents));
            }
        }
        return parents;
    }
}
