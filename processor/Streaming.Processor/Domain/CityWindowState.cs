namespace Streaming.Processor.Domain;

/// <summary>
/// One city's open hourly window in the window task's store: the merged aggregate and, per upstream partition, the
/// through offset of the last partial merged (see <see cref="CityHourlyPartial"/>).
/// </summary>
/// <remarks>
/// A partial that does not go past the last merged one of its upstream partition is a replay (either task restarted
/// under at_least_once and read again what it had handled) and is not merged again. Aggregate and positions live in
/// one store value, so a restore brings back both or neither.
/// </remarks>
public sealed class CityWindowState
{
    private readonly Dictionary<int, long> _mergedThrough;

    private CityWindowState(CityHourlyAccumulator accumulator, Dictionary<int, long> mergedThrough)
    {
        Accumulator = accumulator;
        _mergedThrough = mergedThrough;
    }

    /// <summary>The merged aggregate.</summary>
    public CityHourlyAccumulator Accumulator { get; }

    /// <summary>Per upstream partition, the through offset of the last partial merged.</summary>
    public IReadOnlyDictionary<int, long> MergedThrough => _mergedThrough;

    /// <summary>A window with nothing merged.</summary>
    public static CityWindowState Empty() => new(new CityHourlyAccumulator(), []);

    /// <summary>Rebuilds a state from its parts (for the codec).</summary>
    public static CityWindowState FromParts(CityHourlyAccumulator accumulator, IEnumerable<KeyValuePair<int, long>> mergedThrough) =>
        new(accumulator ?? throw new ArgumentNullException(nameof(accumulator)), new Dictionary<int, long>(mergedThrough));

    /// <summary>Merges the partial unless it is a replay; returns whether it was merged.</summary>
    public bool Merge(CityHourlyPartial partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        if (_mergedThrough.TryGetValue(partial.UpstreamPartition, out var through) && partial.ThroughOffset <= through)
        {
            return false;
        }
        Accumulator.Merge(partial.Accumulator);
        _mergedThrough[partial.UpstreamPartition] = partial.ThroughOffset;
        return true;
    }
}
