using Streaming.Contracts;

namespace Streaming.Processor.Topology;

/// <summary>
/// The topics the processor reads and writes. <paramref name="prefix"/> applies to every topic (isolated runs and
/// tests); <paramref name="outputSuffix"/> only to outputs, so a backfill can write <c>trips.clean.bf1</c> next to the
/// live <c>trips.clean</c> and the two can be compared.
/// </summary>
public sealed record PipelineTopics(
    string Trips,
    string Messages,
    string TripsClean,
    string TripsCityHourly,
    string TripsRejected,
    string TripsLate,
    string MessagesFlagged,
    string SendersStrikeStatus,
    string MessagesRejected,
    string MessagesLate)
{
    public static PipelineTopics Create(string? prefix = null, string? outputSuffix = null)
    {
        string In(string topic) => (prefix ?? "") + topic;
        string Out(string topic) => Topics.WithSuffix(In(topic), outputSuffix);
        return new PipelineTopics(
            In(Topics.Trips), In(Topics.Messages),
            Out(Topics.TripsClean), Out(Topics.TripsCityHourly), Out(Topics.TripsRejected), Out(Topics.TripsLate),
            Out(Topics.MessagesFlagged), Out(Topics.SendersStrikeStatus), Out(Topics.MessagesRejected), Out(Topics.MessagesLate));
    }

    public static PipelineTopics Default { get; } = Create();

    public IReadOnlyList<string> Inputs => [Trips, Messages];

    public IReadOnlyList<string> Outputs =>
        [TripsClean, TripsCityHourly, TripsRejected, TripsLate, MessagesFlagged, SendersStrikeStatus, MessagesRejected, MessagesLate];
}
