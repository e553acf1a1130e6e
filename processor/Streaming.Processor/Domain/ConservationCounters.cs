using System.Globalization;
using System.Text;

namespace Streaming.Processor.Domain;

/// <summary>
/// Conservation counters of one input topic for a run (DESIGN §4, Conservation):
/// in = accepted + duplicates + beyond_horizon + rejected, with window_late counted inside accepted.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per task, merged with <see cref="Add"/> for the run summary. A replayed record
/// (<see cref="DedupOutcome.Replay"/>) is read again, so it counts in <c>in</c> again and in <c>accepted</c> again.
/// </remarks>
public sealed class ConservationCounters
{
    private readonly SortedDictionary<string, long> _rejectedByReason = new(StringComparer.Ordinal);

    /// <summary>Creates zeroed counters for an input topic.</summary>
    public ConservationCounters(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        Topic = topic;
    }

    /// <summary>The input topic.</summary>
    public string Topic { get; }

    /// <summary>Records read from the topic.</summary>
    public long In { get; private set; }

    /// <summary>Records accepted (valid, on this side of the horizon, first occurrence or replay); for trips, those written to trips.clean.</summary>
    public long Accepted { get; private set; }

    /// <summary>Records dropped as duplicates.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Records sent to *.late as beyond_dedup_horizon.</summary>
    public long BeyondHorizon { get; private set; }

    /// <summary>Records sent to *.rejected, all reasons.</summary>
    public long Rejected { get; private set; }

    /// <summary>Accepted records that were late for their window (a subset of <see cref="Accepted"/>).</summary>
    public long WindowLate { get; private set; }

    /// <summary>Rejected records by reason code, ordered by code.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason => _rejectedByReason;

    /// <summary>True when in = accepted + duplicates + beyond_horizon + rejected and 0 ≤ window_late ≤ accepted.</summary>
    public bool Balances => In == Accepted + Duplicates + BeyondHorizon + Rejected && WindowLate >= 0 && WindowLate <= Accepted;

    /// <summary>Counts a record read.</summary>
    public void CountIn() => In++;

    /// <summary>Counts an accepted record.</summary>
    public void CountAccepted() => Accepted++;

    /// <summary>Counts a duplicate.</summary>
    public void CountDuplicate() => Duplicates++;

    /// <summary>Counts a record beyond the dedup horizon.</summary>
    public void CountBeyondHorizon() => BeyondHorizon++;

    /// <summary>Counts a rejected record under its reason code.</summary>
    public void CountRejected(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Rejected++;
        _rejectedByReason[reason] = _rejectedByReason.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Counts an accepted record that was late for its window (count it as accepted too).</summary>
    public void CountWindowLate() => WindowLate++;

    /// <summary>Adds another task's counters of the same topic.</summary>
    /// <exception cref="ArgumentException">The topics differ.</exception>
    public void Add(ConservationCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(other.Topic, Topic, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot add counters of topic '{other.Topic}' to counters of topic '{Topic}'.", nameof(other));
        }
        In += other.In;
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        BeyondHorizon += other.BeyondHorizon;
        Rejected += other.Rejected;
        WindowLate += other.WindowLate;
        foreach (var (reason, count) in other._rejectedByReason)
        {
            _rejectedByReason[reason] = _rejectedByReason.GetValueOrDefault(reason) + count;
        }
    }

    /// <summary>One line for logs: <c>trips: in=10 accepted=7 (window_late=1) duplicates=1 beyond_horizon=1 rejected=1 [negative_fare=1] balances</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Topic}: in={In} accepted={Accepted} (window_late={WindowLate}) duplicates={Duplicates} beyond_horizon={BeyondHorizon} rejected={Rejected}");
        if (_rejectedByReason.Count > 0)
        {
            text.Append(" [").AppendJoin(' ', _rejectedByReason.Select(pair => $"{pair.Key}={pair.Value}")).Append(']');
        }
        text.Append(Balances ? " balances" : " DOES NOT BALANCE");
        return text.ToString();
    }
}
