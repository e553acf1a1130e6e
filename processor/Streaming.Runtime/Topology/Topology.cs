using System.Text;

namespace Streaming.Runtime;

/// <summary>An immutable, validated processor graph split into sub-topologies. Build with <see cref="TopologyBuilder"/>.</summary>
public sealed class Topology
{
    private readonly Dictionary<string, int?> _repartitionPartitions;

    private Topology(IReadOnlyList<SubTopology> subTopologies, Dictionary<string, int?> repartitionPartitions)
    {
        SubTopologies = subTopologies;
        _repartitionPartitions = repartitionPartitions;
    }

    /// <summary>The sub-topologies, by id.</summary>
    public IReadOnlyList<SubTopology> SubTopologies { get; }

    /// <summary>Every store name with the id of the sub-topology that owns it.</summary>
    public IReadOnlyDictionary<string, int> StoreOwners => SubTopologies.SelectMany(s => s.Stores.Select(b => (b.Name, s.Id))).ToDictionary(x => x.Name, x => x.Id);

    /// <summary>Changelog topic of a store: <c>{appId}-{store}-changelog</c>.</summary>
    public static string ChangelogTopic(string applicationId, string storeName) => $"{applicationId}-{storeName}-changelog";

    /// <summary>External source topics of all sub-topologies.</summary>
    public IReadOnlyList<string> ExternalSourceTopics => SubTopologies.SelectMany(s => s.SourceTopicRefs).Where(t => !t.IsRepartition).Select(t => t.Name).Distinct().ToList();

    /// <summary>Internal repartition topic names resolved with the application id.</summary>
    public IReadOnlyList<string> RepartitionTopics(string applicationId) => _repartitionPartitions.Keys.Select(n => TopicRef.RepartitionTopicName(applicationId, n)).ToList();

    /// <summary>The declared partition count of a repartition (logical name), if any.</summary>
    internal int? DeclaredRepartitionPartitions(string logicalName) => _repartitionPartitions.GetValueOrDefault(logicalName);

    /// <summary>The sub-topology that writes a repartition topic (logical name).</summary>
    internal SubTopology ProducerOf(TopicRef repartition) => SubTopologies.First(s => s.RepartitionSinkTopics.Contains(repartition));

    /// <summary>Text like Kafka Streams' <c>Topology.describe()</c>.</summary>
    public string Describe()
    {
        var text = new StringBuilder("Topologies:\n");
        foreach (var sub in SubTopologies)
        {
            text.Append("   Sub-topology: ").Append(sub.Id).Append('\n');
            foreach (var node in sub.Nodes)
            {
                text.Append("    ").Append(node.Kind).Append(": ").Append(node.Name);
                switch (node)
                {
                    case SourceDefinition source:
                        text.Append(" (topics: [").Append(string.Join(", ", source.Topics)).Append("])");
                        break;
                    case ProcessorDefinition processor:
                        text.Append(" (stores: [").Append(string.Join(", ", processor.Stores)).Append("])");
                        break;
                    case SinkDefinition sink:
                        text.Append(" (topic: ").Append(sink.Topic).Append(')');
                        break;
                }
                text.Append('\n');
                if (node.Children.Count > 0)
                {
                    text.Append("      --> ").Append(string.Join(", ", node.Children)).Append('\n');
                }
                if (node.Parents.Count > 0)
                {
                    text.Append("      <-- ").Append(string.Join(", ", node.Parents)).Append('\n');
                }
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    internal static Topology Create(IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<StoreBuilder> stores, Dictionary<string, int?> repartitionPartitions)
    {
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var parent = nodes.ToDictionary(n => n.Name, n => n.Name, StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        void Union(string a, string b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                // Keep the earliest-declared node as root so ids follow declaration order.
                if (byName[ra].Order < byName[rb].Order)
                {
                    parent[rb] = ra;
                }
                else
                {
                    parent[ra] = rb;
                }
            }
        }
        foreach (var node in nodes)
        {
            foreach (var p in node.Parents)
            {
                Union(node.Name, p);
            }
        }
        var storeUsers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var processor in nodes.OfType<ProcessorDefinition>())
        {
            foreach (var store in processor.Stores)
            {
                if (!storeUsers.TryGetValue(store, out var users))
                {
                    storeUsers[store] = users = [];
                }
                users.Add(processor.Name);
            }
        }
        foreach (var users in storeUsers.Values)
        {
            for (var i = 1; i < users.Count; i++)
            {
                Union(users[0], users[i]);
            }
        }
        foreach (var store in stores)
        {
            if (!storeUsers.ContainsKey(store.Name))
            {
                throw new InvalidOperationException($"state store '{store.Name}' is not connected to any processor.");
            }
        }
        foreach (var node in nodes)
        {
            if (node is not SourceDefinition && node.Parents.Count == 0)
            {
                throw new InvalidOperationException($"node '{node.Name}' has no parent.");
            }
        }

        var groups = nodes.GroupBy(n => Find(n.Name)).OrderBy(g => g.Min(n => n.Order)).ToList();
        var subTopologies = new List<SubTopology>();
        for (var id = 0; id < groups.Count; id++)
        {
            var members = groups[id].ToList();
            if (!members.OfType<SourceDefinition>().Any())
            {
                throw new InvalidOperationException($"nodes [{string.Join(", ", members.Select(m => m.Name))}] are not reachable from any source.");
            }
            var ordered = TopologicalOrder(members, byName);
            var groupStores = stores.Where(s => members.Any(m => m is ProcessorDefinition p && p.Stores.Contains(s.Name))).ToList();
            subTopologies.Add(new SubTopology(id, ordered, groupStores));
        }
        foreach (var sub in subTopologies)
        {
            var cycle = sub.RepartitionSinkTopics.Intersect(sub.SourceTopicRefs).FirstOrDefault();
            if (cycle.Name is not null)
            {
                throw new InvalidOperationException($"repartition '{cycle.Name}' feeds its own sub-topology {sub.Id}; a repartition must start a new sub-topology.");
            }
        }
        return new Topology(subTopologies, repartitionPartitions);
    }

    private static List<NodeDefinition> TopologicalOrder(List<NodeDefinition> members, Dictionary<string, NodeDefinition> byName)
    {
        var inDegree = members.ToDictionary(m => m.Name, m => m.Parents.Count, StringComparer.Ordinal);
        var ready = new PriorityQueue<NodeDefinition, int>();
        foreach (var m in members.Where(m => m.Parents.Count == 0))
        {
            ready.Enqueue(m, m.Order);
        }
        var ordered = new List<NodeDefinition>(members.Count);
        while (ready.TryDequeue(out var node, out _))
        {
            ordered.Add(node);
            foreach (var child in node.Children)
            {
                if (--inDegree[child] == 0)
                {
                    ready.Enqueue(byName[child], byName[child].Order);
                }
            }
        }
        return ordered;
    }
}
