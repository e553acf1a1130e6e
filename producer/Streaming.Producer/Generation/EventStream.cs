using Streaming.Contracts;

namespace Streaming.Producer.Generation;

/// <summary>The two input streams the producer writes (DESIGN §3).</summary>
public enum EventStream
{
    /// <summary>Stream <c>trips</c>: TripEvent keyed by trip_id.</summary>
    Trips = 0,

    /// <summary>Stream <c>messages</c>: MessageEvent keyed by sender_id.</summary>
    Messages = 1,
}

/// <summary>Names of <see cref="EventStream"/>.</summary>
public static class EventStreams
{
    /// <summary>Both streams in summary order.</summary>
    public static IReadOnlyList<EventStream> All { get; } = [EventStream.Trips, EventStream.Messages];

    /// <summary>The logical stream name, which is also the default topic: <c>trips</c> or <c>messages</c>.</summary>
    public static string ToName(this EventStream stream) => stream switch
    {
        EventStream.Trips => Topics.Trips,
        EventStream.Messages => Topics.Messages,
        _ => throw new ArgumentOutOfRangeException(nameof(stream), stream, "unknown stream"),
    };

    /// <summary>Parses <c>trips</c> or <c>messages</c>.</summary>
    public static bool TryParse(string? name, out EventStream stream)
    {
        switch (name)
        {
            case Topics.Trips: stream = EventStream.Trips; return true;
            case Topics.Messages: stream = EventStream.Messages; return true;
            default: stream = default; return false;
        }
    }
}
