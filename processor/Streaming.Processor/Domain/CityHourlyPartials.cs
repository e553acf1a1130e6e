using Streaming.Contracts.Events;

namespace Streaming.Processor.Domain;

/// <summary>
/// The partial aggregates an upstream trips task builds between flushes, per city and hourly window.
/// </summary>
public sealed class CityHourlyPartials
{
    private readonly Dictionary<(string City, long WindowStart), CityHourlyAccumulator> _open = [];

    /// <summary>Windows with trips since the last drain.</summary>
    public int Count => _open.Count;

    /// <summary>Adds a valid, on-time trip to its city's window.</summary>
    public void Add(TripEvent trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var slot = (CityHourlyKeys.RepartitionKey(trip), HourlyWindow.Containing(trip.PickupTs).Start);
        if (!_open.TryGetValue(slot, out var accumulator))
        {
            accumulator = new CityHourlyAccumulator();
            _open.Add(slot, accumulator);
        }
        accumulator.Add(trip);
    }

    /// <summary>Returns every partial, ordered by window start and then city, and starts empty again.</summary>
    public IReadOnlyList<(string City, CityHourlyPartial Partial)> Drain()
    {
        var drained = _open
            .OrderBy(e => e.Key.WindowStart).ThenBy(e => e.Key.City, StringComparer.Ordinal)
            .Select(e => (e.Key.City, new CityHourlyPartial(e.Key.WindowStart, e.Value)))
            .ToList();
        _open.Clear();
        return drained;
    }
}
