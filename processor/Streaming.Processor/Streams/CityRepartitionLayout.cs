namespace Streaming.Processor.Streams;

/// <summary>
/// Partition counts the city path is built for. Both must be known when the topology is built: every trips task sends
/// its markers to each of <see cref="Partitions"/>, and a window closes only once all <see cref="UpstreamPartitions"/>
/// have reported.
/// </summary>
/// <param name="UpstreamPartitions">Partitions of the trips topic.</param>
/// <param name="Partitions">Partitions of the city repartition topic.</param>
public sealed record CityRepartitionLayout(int UpstreamPartitions, int Partitions)
{
    /// <summary>One partition each, as Streamiz's synchronous TopologyTestDriver runs.</summary>
    public static CityRepartitionLayout Single { get; } = new(1, 1);
}
