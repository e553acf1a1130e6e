using Streaming.Contracts.Events;
using Streaming.Processor.Domain;

namespace Streaming.Processor.Topology;

/// <summary>
/// What one processor run did, gathered from every task: conservation counters per input topic, the emitted hourly
/// windows and the latest strike status per sender. Tasks write from their stream threads; the host reads at the end.
/// </summary>
public sealed class RunSummary
{
    private readonly object _gate = new();
    private readonly List<ConservationCounters> _counters = [];
    private readonly Dictionary<string, CityTotals> _cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SenderTotals> _senders = new(StringComparer.Ordinal);

    /// <summary>Counters for one task's input topic; registered so the summary can add them up.</summary>
    public ConservationCounters CountersFor(string topic)
    {
        var counters = new ConservationCounters(topic);
        lock (_gate)
        {
            _counters.Add(counters);
        }
        return counters;
    }

    private long _replayedPartials;

    /// <summary>Partials not merged because the window task had merged them before (replays after an at_least_once restart).</summary>
    public long ReplayedPartials => Interlocked.Read(ref _replayedPartials);

    public void PartialReplayed() => Interlocked.Increment(ref _replayedPartials);

    public void WindowEmitted(CityHourly window)
    {
        lock (_gate)
        {
            var totals = _cities.TryGetValue(window.City, out var t) ? t : new CityTotals(0, 0, 0);
            _cities[window.City] = new CityTotals(totals.Windows + 1, totals.Trips + window.Trips, totals.FareSum + window.FareSum);
        }
    }

    public void StrikeStatusEmitted(StrikeStatus status, bool newStrike)
    {
        lock (_gate)
        {
            var strikes = _senders.TryGetValue(status.SenderId, out var s) ? s.Strikes : 0;
            _senders[status.SenderId] = new SenderTotals(strikes + (newStrike ? 1 : 0), status);
        }
    }

    /// <summary>Conservation per input topic, summed over tasks, in topic order.</summary>
    public IReadOnlyList<ConservationCounters> Conservation()
    {
        lock (_gate)
        {
            return _counters.GroupBy(c => c.Topic, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var total = new ConservationCounters(g.Key);
                    foreach (var c in g)
                    {
                        total.Add(c);
                    }
                    return total;
                })
                .ToList();
        }
    }

    public IReadOnlyList<(string City, CityTotals Totals)> TopCities(int count)
    {
        lock (_gate)
        {
            return _cities.OrderByDescending(c => c.Value.Trips).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(count).Select(c => (c.Key, c.Value)).ToList();
        }
    }

    public IReadOnlyList<SenderTotals> TopStrikers(int count)
    {
        lock (_gate)
        {
            return _senders.Values.OrderByDescending(s => s.Strikes).ThenBy(s => s.Latest.SenderId, StringComparer.Ordinal)
                .Take(count).ToList();
        }
    }

    public sealed record CityTotals(long Windows, long Trips, double FareSum)
    {
        public double FareAvg => Trips == 0 ? 0 : FareSum / Trips;
    }

    /// <param name="Strikes">Strikes added during this run.</param>
    /// <param name="Latest">The last status emitted for the sender.</param>
    public sealed record SenderTotals(long Strikes, StrikeStatus Latest);
}
