using Streamiz.Kafka.Net.Stream;

namespace Streaming.Processor.Hosting;

/// <summary>
/// The internal topics Streamiz needs for a topology under an application id, read from its description: the
/// repartition topics (<c>{application.id}-{name}-repartition</c>) and one changelog per store
/// (<c>{application.id}-{store}-changelog</c>) with its sub-topology's partition count, as Streamiz computes them.
/// </summary>
/// <remarks>
/// On real Kafka Streamiz creates these itself. Printing them lets a cluster where applications may not create topics
/// (and the dev broker, which cannot) have them made beforehand: <c>processor describe --internal-topics</c>.
/// </remarks>
public static class InternalTopics
{
    public const string RepartitionSuffix = "-repartition";

    /// <param name="sourcePartitions">Partitions of each input topic.</param>
    /// <param name="repartitionPartitions">Partitions the topology gives its repartition topics.</param>
    public static IReadOnlyList<(string Name, int Partitions)> Of(
        ITopologyDescription description, string applicationId, IReadOnlyDictionary<string, int> sourcePartitions, int repartitionPartitions)
    {
        var topics = new List<(string Name, int Partitions)>();
        foreach (var sub in description.SubTopologies)
        {
            var sources = sub.Nodes.OfType<ISourceNodeDescription>().SelectMany(s => s.Topics).ToList();
            var partitions = sources.Max(t => sourcePartitions.TryGetValue(t, out var n) ? n : repartitionPartitions);
            topics.AddRange(sources.Where(t => !sourcePartitions.ContainsKey(t)).Select(t => (Internal(applicationId, t), repartitionPartitions)));
            topics.AddRange(sub.Nodes.OfType<IProcessorNodeDescription>().SelectMany(p => p.Stores)
                .Select(store => ($"{applicationId}-{store}-changelog", partitions)));
        }
        return topics.Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    private static string Internal(string applicationId, string topic) =>
        topic.StartsWith(applicationId + "-", StringComparison.Ordinal) ? topic : $"{applicationId}-{topic}";
}
