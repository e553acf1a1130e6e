using Streamiz.Kafka.Net.Stream;

namespace Streaming.Processor.Hosting;

/// <summary>
/// The topics a topology uses under an application id, with partition counts, read from Streamiz's description:
/// its inputs (as they are on the broker); the internal topics Streamiz needs, which are its repartition topics
/// (<c>{application.id}-{name}-repartition</c>) and one changelog per store (<c>{application.id}-{store}-changelog</c>),
/// each with its sub-topology's partition count as Streamiz computes it; and its outputs, given the partition count
/// of the sub-topology that writes them.
/// </summary>
/// <remarks>
/// On real Kafka Streamiz creates its internal topics itself. Listing them lets a cluster where applications may not
/// create topics (and the dev broker, which cannot) have them made beforehand: <c>processor describe --topics</c>.
/// </remarks>
public static class TopologyTopics
{
    /// <param name="sourcePartitions">Partitions of each input topic.</param>
    /// <param name="repartitionPartitions">Partitions the topology gives its repartition topics.</param>
    public static IReadOnlyList<TopicUse> Of(
        ITopologyDescription description, string applicationId, IReadOnlyDictionary<string, int> sourcePartitions, int repartitionPartitions)
    {
        var topics = new List<TopicUse>();
        foreach (var sub in description.SubTopologies)
        {
            var sources = sub.Nodes.OfType<ISourceNodeDescription>().SelectMany(s => s.Topics).ToList();
            var partitions = sources.Max(t => sourcePartitions.TryGetValue(t, out var n) ? n : repartitionPartitions);
            foreach (var source in sources)
            {
                topics.Add(sourcePartitions.TryGetValue(source, out var n)
                    ? new TopicUse(source, n, TopicRole.Input)
                    : new TopicUse(Internal(applicationId, source), repartitionPartitions, TopicRole.Internal));
            }
            topics.AddRange(sub.Nodes.OfType<IProcessorNodeDescription>().SelectMany(p => p.Stores)
                .Select(store => new TopicUse($"{applicationId}-{store}-changelog", partitions, TopicRole.Internal)));
            topics.AddRange(sub.Nodes.OfType<ISinkNodeDescription>().Select(s => s.Topic)
                .Where(t => !t.EndsWith("-repartition", StringComparison.Ordinal))
                .Select(t => new TopicUse(t, partitions, TopicRole.Output)));
        }
        return topics.Distinct().OrderBy(t => t.Role).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    private static string Internal(string applicationId, string topic) =>
        topic.StartsWith(applicationId + "-", StringComparison.Ordinal) ? topic : $"{applicationId}-{topic}";
}

/// <summary>One topic a topology uses.</summary>
public sealed record TopicUse(string Name, int Partitions, TopicRole Role);

/// <summary>How a topology uses a topic.</summary>
public enum TopicRole
{
    Input,
    Internal,
    Output,
}
