using Streamiz.Kafka.Net.Stream;

namespace Streaming.Bench.Processor;

/// <summary>
/// The topics a topology needs beyond its inputs, as <c>name partitions</c> lines for the dev Kafka (which cannot
/// answer CreateTopics): repartition topics and store changelogs, <c>{application.id}-{name}</c>, and output topics,
/// all with the benchmark's partition count. The processor's <c>describe --topics</c> does the same for its topology.
/// </summary>
internal static class TopologyTopicList
{
    public static IEnumerable<string> Lines(ITopologyDescription description, string applicationId, IReadOnlyCollection<string> inputs, int partitions)
    {
        var topics = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sub in description.SubTopologies)
        {
            foreach (var source in sub.Nodes.OfType<ISourceNodeDescription>().SelectMany(s => s.Topics).Where(t => !inputs.Contains(t)))
            {
                topics.Add(source.StartsWith(applicationId + "-", StringComparison.Ordinal) ? source : $"{applicationId}-{source}");
            }
            foreach (var store in sub.Nodes.OfType<IProcessorNodeDescription>().SelectMany(p => p.Stores))
            {
                topics.Add($"{applicationId}-{store}-changelog");
            }
            foreach (var sink in sub.Nodes.OfType<ISinkNodeDescription>().Select(s => s.Topic).Where(t => !t.EndsWith("-repartition", StringComparison.Ordinal)))
            {
                topics.Add(sink);
            }
        }
        return topics.Select(t => $"{t} {partitions}");
    }
}
