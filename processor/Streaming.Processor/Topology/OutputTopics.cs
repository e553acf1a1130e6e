using Streaming.Contracts;

namespace Streaming.Processor.Topology;

/// <summary>
/// The processor's output topic names. A backfill may write to suffixed copies (<c>trips.clean.bf1</c>) so its
/// output can be compared with the live run's.
/// </summary>
public sealed record OutputTopics(
    string TripsClean,
    string TripsCityHourly,
    string TripsRejected,
    string TripsLate,
    string MessagesFlagged,
    string SendersStrikeStatus,
    string MessagesRejected,
    string MessagesLate)
{
    public static OutputTopics WithSuffix(string? suffix) => new(
        Topics.WithSuffix(Topics.TripsClean, suffix),
        Topics.WithSuffix(Topics.TripsCityHourly, suffix),
        Topics.WithSuffix(Topics.TripsRejected, suffix),
        Topics.WithSuffix(Topics.TripsLate, suffix),
        Topics.WithSuffix(Topics.MessagesFlagged, suffix),
        Topics.WithSuffix(Topics.SendersStrikeStatus, suffix),
        Topics.WithSuffix(Topics.MessagesRejected, suffix),
        Topics.WithSuffix(Topics.MessagesLate, suffix));

    public static OutputTopics Default { get; } = WithSuffix(null);

    public IReadOnlyList<string> All =>
        [TripsClean, TripsCityHourly, TripsRejected, TripsLate, MessagesFlagged, SendersStrikeStatus, MessagesRejected, MessagesLate];
}
