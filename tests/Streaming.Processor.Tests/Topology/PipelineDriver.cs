using Confluent.Kafka;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.SchemaRegistry;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;
using Streaming.Runtime;

namespace Streaming.Processor.Tests.Topology;

/// <summary>The full processor topology in the runtime's test driver, one partition per topic, with typed topics.</summary>
internal sealed class PipelineDriver : IDisposable
{
    public static readonly long T0 = DateTimeOffset.Parse("2025-09-01T00:00:00Z").ToUnixTimeMilliseconds();
    public const long Minute = 60_000;
    public const long Hour = 3_600_000;
    public const long Day = 24 * Hour;

    private readonly TopologyTestDriver _driver;

    public PipelineDriver(ProcessorOptions? options = null, params string[] markedWords)
    {
        Options = options ?? new ProcessorOptions();
        var serdes = new AvroSerdes(SchemaRegistryFactory.Create(new SchemaRegistrySettings()));
        var matcher = new MarkedWordMatcher(markedWords.Length == 0 ? ["darn", "heck"] : markedWords);
        var topology = PipelineTopology.Build(Options, serdes, matcher, PipelineTopics.Default, Summary);
        _driver = new TopologyTestDriver(topology, new TopologyTestDriverOptions { AllowedLateness = Options.AllowedLateness });
        Trips = _driver.CreateInputTopic(Topics.Trips, Serializers.Utf8, serdes.TripEvent);
        Messages = _driver.CreateInputTopic(Topics.Messages, Serializers.Utf8, serdes.MessageEvent);
        RawTrips = _driver.CreateInputTopic(Topics.Trips, Serializers.Utf8, Serializers.ByteArray);
        Clean = _driver.CreateOutputTopic(Topics.TripsClean, Deserializers.Utf8, serdes.TripEvent);
        CityHourly = _driver.CreateOutputTopic(Topics.TripsCityHourly, Deserializers.Utf8, serdes.CityHourly);
        TripsLate = _driver.CreateOutputTopic(Topics.TripsLate, Deserializers.Utf8, serdes.TripLate);
        TripsRejected = _driver.CreateOutputTopic(Topics.TripsRejected, Deserializers.Utf8, serdes.Rejected);
        Flagged = _driver.CreateOutputTopic(Topics.MessagesFlagged, Deserializers.Utf8, serdes.FlaggedMessage);
        StrikeStatus = _driver.CreateOutputTopic(Topics.SendersStrikeStatus, Deserializers.Utf8, serdes.StrikeStatus);
        MessagesLate = _driver.CreateOutputTopic(Topics.MessagesLate, Deserializers.Utf8, serdes.MessageLate);
        MessagesRejected = _driver.CreateOutputTopic(Topics.MessagesRejected, Deserializers.Utf8, serdes.Rejected);
    }

    public ProcessorOptions Options { get; }

    public RunSummary Summary { get; } = new();

    public TestInputTopic<string, TripEvent> Trips { get; }

    public TestInputTopic<string, MessageEvent> Messages { get; }

    public TestInputTopic<string, byte[]> RawTrips { get; }

    public TestOutputTopic<string, TripEvent> Clean { get; }

    public TestOutputTopic<string, CityHourly> CityHourly { get; }

    public TestOutputTopic<string, TripLate> TripsLate { get; }

    public TestOutputTopic<string, Rejected> TripsRejected { get; }

    public TestOutputTopic<string, FlaggedMessage> Flagged { get; }

    public TestOutputTopic<string, StrikeStatus> StrikeStatus { get; }

    public TestOutputTopic<string, MessageLate> MessagesLate { get; }

    public TestOutputTopic<string, Rejected> MessagesRejected { get; }

    public static TripEvent Trip(string id, long pickup, string city = "London", long durationMs = 10 * Minute, double distance = 3.5, double fare = 6.5) =>
        new(id, city, pickup, pickup + durationMs, distance, fare);

    public static MessageEvent Message(string id, string sender, long sentAt, string text = "see you at lunch") =>
        new(id, sender, "receiver-1", text, sentAt);

    public void Send(TripEvent trip) => Trips.PipeInput(trip.TripId, trip, trip.PickupTs);

    public void Send(MessageEvent message) => Messages.PipeInput(message.SenderId, message, message.SentAt);

    public void EndInput() => _driver.EndInput();

    public void Dispose() => _driver.Dispose();
}
