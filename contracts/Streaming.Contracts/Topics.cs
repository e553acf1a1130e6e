namespace Streaming.Contracts;

/// <summary>Names of every topic of the pipeline (DESIGN §3). Keys are noted per topic.</summary>
public static class Topics
{
    /// <summary>Raw trips, key trip_id, value TripEvent.</summary>
    public const string Trips = "trips";

    /// <summary>Raw messages, key sender_id, value MessageEvent.</summary>
    public const string Messages = "messages";

    /// <summary>Valid, deduplicated trips (including window-late ones), key trip_id, value TripEvent.</summary>
    public const string TripsClean = "trips.clean";

    /// <summary>Final hourly per-city aggregates, key city + window start, value CityHourly.</summary>
    public const string TripsCityHourly = "trips.city-hourly";

    /// <summary>Messages holding marked words, key sender_id, value FlaggedMessage.</summary>
    public const string MessagesFlagged = "messages.flagged";

    /// <summary>Strike status on every change, key sender_id, value StrikeStatus.</summary>
    public const string SendersStrikeStatus = "senders.strike-status";

    /// <summary>Rejected trips, source key, value Rejected.</summary>
    public const string TripsRejected = "trips.rejected";

    /// <summary>Rejected messages, source key, value Rejected.</summary>
    public const string MessagesRejected = "messages.rejected";

    /// <summary>Late trips, source key, value TripLate.</summary>
    public const string TripsLate = "trips.late";

    /// <summary>Late messages, source key, value MessageLate.</summary>
    public const string MessagesLate = "messages.late";

    /// <summary>Records a sink could not decode or write, source key, value Rejected.</summary>
    public const string SinkRejected = "sink.rejected";

    /// <summary>Every topic above, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Trips, Messages, TripsClean, TripsCityHourly, MessagesFlagged, SendersStrikeStatus,
        TripsRejected, MessagesRejected, TripsLate, MessagesLate, SinkRejected,
    ];

    /// <summary>The input topics the producer writes and the processor reads.</summary>
    public static IReadOnlyList<string> Inputs { get; } = [Trips, Messages];

    /// <summary>
    /// The contract topic a concrete topic name stands for, or null: the topic itself, a prefixed copy
    /// (<c>demo-1.trips.clean</c>, isolated runs), a suffixed copy (<c>trips.clean.bf1</c>, backfills), or both.
    /// The longest contract name wins, so <c>trips.clean.bf1</c> is trips.clean, not trips.
    /// </summary>
    public static string? ContractTopicOf(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        string? best = null;
        foreach (var name in All)
        {
            var matches = topic == name
                || topic.EndsWith("." + name, StringComparison.Ordinal)
                || topic.StartsWith(name + ".", StringComparison.Ordinal)
                || topic.Contains("." + name + ".", StringComparison.Ordinal);
            if (matches && name.Length > (best?.Length ?? 0))
            {
                best = name;
            }
        }
        return best;
    }

    /// <summary>
    /// The topic name with a suffix for backfills into suffixed outputs: <c>WithSuffix("trips.clean", "bf1")</c> is
    /// <c>trips.clean.bf1</c>; a null or empty suffix returns the topic unchanged.
    /// </summary>
    public static string WithSuffix(string topic, string? suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return string.IsNullOrEmpty(suffix) ? topic : topic + "." + suffix;
    }
}
