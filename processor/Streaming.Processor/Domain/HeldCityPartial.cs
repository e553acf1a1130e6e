namespace Streaming.Processor.Domain;

/// <summary>
/// What an upstream trips task holds for one city and window (the value in its partials store): the trips accepted
/// since the last flush, and the source offset of the last trip it ever added to this window, flushed or not.
/// </summary>
/// <remarks>
/// The task reads one source partition in offset order, so a trip of this window at or below
/// <see cref="ThroughOffset"/> is already counted: it is a replay after an at_least_once restart whose store restored
/// past the committed input offsets, and adding it again would count it twice. Both live in one store value, so a
/// restore brings back both or neither. A flushed entry stays, empty, until the window is late at the partition's
/// watermark, when no trip can be added to it any more.
/// </remarks>
/// <param name="Accumulator">Trips since the last flush.</param>
/// <param name="ThroughOffset">Source offset of the last trip added; -1 for none.</param>
public sealed record HeldCityPartial(CityHourlyAccumulator Accumulator, long ThroughOffset)
{
    /// <summary>Nothing held, nothing added.</summary>
    public static HeldCityPartial Empty => new(new CityHourlyAccumulator(), -1);

    /// <summary>True when the trip at this offset is already counted here or in a flushed partial.</summary>
    public bool Counts(long sourceOffset) => sourceOffset <= ThroughOffset;

    /// <summary>Adds a trip read at <paramref name="sourceOffset"/> (after <see cref="ThroughOffset"/>).</summary>
    public HeldCityPartial Add(Contracts.Events.TripEvent trip, long sourceOffset)
    {
        Accumulator.Add(trip);
        return this with { ThroughOffset = sourceOffset };
    }

    /// <summary>The same position with nothing held: what is left after a flush.</summary>
    public HeldCityPartial Flushed() => new(new CityHourlyAccumulator(), ThroughOffset);
}
