using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.InMemory;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Processor.Streams;
using Streaming.Processor.Topology;

using Streaming.TestSupport;

namespace Streaming.Processor.Tests.Streams;

/// <summary>
/// The Streamiz topology in Streamiz's synchronous <see cref="TopologyTestDriver"/>: one partition per topic, each
/// piped record processed at once, repartition records forwarded to the window task after each record, and
/// stream-time punctuation after each record (so partials and markers follow every record that moved time).
/// </summary>
internal sealed class StreamizPipelineDriver : IDisposable
{
    public static readonly long T0 = DateTimeOffset.Parse("2025-09-01T00:00:00Z").ToUnixTimeMilliseconds();
    public const long Minute = 60_000;
    public const long Hour = 3_600_000;
    public const long Day = 24 * Hour;
    public const string ApplicationId = "streaming-test";
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(10);

    private readonly TopologyTestDriver _driver;
    private readonly AvroSerdes _serdes;
    private long _tripOffsets;
    private long _messageOffsets;

    public StreamizPipelineDriver(ProcessorOptions? options = null, params string[] markedWords)
    {
        Options = options ?? new ProcessorOptions();
        _serdes = DevRegistry.Serdes;
        var matcher = new MarkedWordMatcher(markedWords.Length == 0 ? ["darn", "heck"] : markedWords);
        var topology = StreamizPipelineTopology.Build(
            Options, _serdes, matcher, PipelineTopics.Default, Summary, CityRepartitionLayout.Single, Bounds, FlushInterval);
        var config = new StreamConfig { ApplicationId = ApplicationId };
        PipelineExceptionHandlers.Apply(config);
        _driver = new TopologyTestDriver(topology, config);
        var key = new StringSerDes();
        RawTrips = _driver.CreateInputTopic(Topics.Trips, key, new ByteArraySerDes());
        RawMessages = _driver.CreateInputTopic(Topics.Messages, key, new ByteArraySerDes());
        Repartition = _driver.CreateInputTopic(
            ApplicationId + "-" + StreamizPipelineTopology.TripsByCityRepartition + "-repartition", new ByteArraySerDes(),
            new CodecSerDes<CityRepartitionRecord>(CityRepartitionCodec.Encode, b => CityRepartitionCodec.Decode(b)));
        Clean = Output(Topics.TripsClean, _serdes.TripEvent);
        CityHourly = Output(Topics.TripsCityHourly, _serdes.CityHourly);
        TripsLate = Output(Topics.TripsLate, _serdes.TripLate);
        TripsRejected = Output(Topics.TripsRejected, _serdes.Rejected);
        Flagged = Output(Topics.MessagesFlagged, _serdes.FlaggedMessage);
        StrikeStatus = Output(Topics.SendersStrikeStatus, _serdes.StrikeStatus);
        MessagesLate = Output(Topics.MessagesLate, _serdes.MessageLate);
        MessagesRejected = Output(Topics.MessagesRejected, _serdes.Rejected);
    }

    public ProcessorOptions Options { get; }

    public RunSummary Summary { get; } = new();

    public InputBounds Bounds { get; } = new();

    /// <summary>The trips topic as bytes: one input per topic, so offsets count up across every record sent.</summary>
    public TestInputTopic<string, byte[]> RawTrips { get; }

    public TestInputTopic<string, byte[]> RawMessages { get; }

    /// <summary>The city repartition topic, to pipe partials and markers of several upstream partitions by hand.</summary>
    public TestInputTopic<byte[], CityRepartitionRecord> Repartition { get; }

    public TestOutputTopic<string, TripEvent> Clean { get; }

    public TestOutputTopic<string, CityHourly> CityHourly { get; }

    public TestOutputTopic<string, TripLate> TripsLate { get; }

    public TestOutputTopic<string, Rejected> TripsRejected { get; }

    public TestOutputTopic<string, FlaggedMessage> Flagged { get; }

    public TestOutputTopic<string, StrikeStatus> StrikeStatus { get; }

    public TestOutputTopic<string, MessageLate> MessagesLate { get; }

    public TestOutputTopic<string, Rejected> MessagesRejected { get; }

    /// <summary>The offset the next trip piped in gets (the driver's one trips partition counts from 0).</summary>
    public long NextTripOffset => _tripOffsets;

    /// <summary>The ids a dedup store (<c>trip-dedup</c>, <c>message-dedup</c>) holds now, in ordinal order.</summary>
    public List<string> StoredIds(string dedupStore) =>
        DedupStore(dedupStore).All().Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Puts an entry into a dedup store from outside, as a restore from a changelog that ran ahead of the committed
    /// input offsets would leave it (at-least-once after a crash): the records after those offsets are read again.
    /// </summary>
    /// <remarks>Written into the innermost store, beneath the changelog, as Streamiz's restore writes.</remarks>
    public void RestoreDedupEntry(string dedupStore, string id, DedupEntry entry) =>
        Innermost((IStateStore)DedupStore(dedupStore)).Put(Bytes.Wrap(System.Text.Encoding.UTF8.GetBytes(id)), DedupEntryCodec.Encode(entry));

    /// <summary>A store's changelog topic as Streamiz names it, raw: a deleted key is a record with a null value.</summary>
    public TestOutputTopic<string, byte[]> Changelog(string store) =>
        _driver.CreateOutputTopic(ApplicationId + "-" + store + "-changelog", TimeSpan.FromMilliseconds(10), new StringSerDes(), new ByteArraySerDes());

    public static TripEvent Trip(string id, long pickup, string city = "London", long durationMs = 10 * Minute, double distance = 3.5, double fare = 6.5) =>
        new(id, city, pickup, pickup + durationMs, distance, fare);

    public static MessageEvent Message(string id, string sender, long sentAt, string text = "see you at lunch") =>
        new(id, sender, "receiver-1", text, sentAt);

    public void Send(TripEvent trip) =>
        SendRawTrip(trip.TripId, _serdes.TripEvent.Serialize(trip, new SerializationContext(MessageComponentType.Value, Topics.Trips)), trip.PickupTs);

    public void SendRawTrip(string key, byte[] value, long timestamp)
    {
        RawTrips.PipeInput(key, value, DateTimeOffset.FromUnixTimeMilliseconds(timestamp).UtcDateTime);
        _tripOffsets++;
    }

    public void Send(MessageEvent message) =>
        SendRawMessage(message.SenderId, _serdes.MessageEvent.Serialize(message, new SerializationContext(MessageComponentType.Value, Topics.Messages)), message.SentAt);

    public void SendRawMessage(string key, byte[] value, long timestamp)
    {
        RawMessages.PipeInput(key, value, DateTimeOffset.FromUnixTimeMilliseconds(timestamp).UtcDateTime);
        _messageOffsets++;
    }

    /// <summary>
    /// Bounded end: each source partition ends at the offsets sent so far. The ingest tasks notice at their next
    /// wall-clock punctuation (no record comes to tell them), move their watermark to stream time and send final markers.
    /// </summary>
    public void EndInput()
    {
        Bounds.Set(Topics.Trips, 0, 0, _tripOffsets);
        Bounds.Set(Topics.Messages, 0, 0, _messageOffsets);
        _driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _driver.Dispose();

    // Streamiz's store layers (metered, change-logging) expose what they wrap only through an internal interface.
    private static InMemoryKeyValueStore Innermost(IStateStore store) =>
        store as InMemoryKeyValueStore ?? Innermost((IStateStore)store.GetType().GetProperty("Wrapped")!.GetValue(store)!);

    private IReadOnlyKeyValueStore<string, DedupEntry?> DedupStore(string name) => _driver.GetKeyValueStore<string, DedupEntry?>(name);

    private TestOutputTopic<string, T> Output<T>(string topic, AvroSerde<T> serde) =>
        _driver.CreateOutputTopic(topic, TimeSpan.FromMilliseconds(10), new StringSerDes(), ConfluentSerDes<T>.Of(serde));
}

internal static class TestOutputTopicExtensions
{
    public static List<T> ReadValuesToList<TKey, T>(this TestOutputTopic<TKey, T> topic) => topic.ReadValueList().ToList();

    public static List<KeyValuePair<TKey, T>> ReadKeyValuesToList<TKey, T>(this TestOutputTopic<TKey, T> topic) =>
        topic.ReadKeyValueList().Select(r => new KeyValuePair<TKey, T>(r.Message.Key, r.Message.Value)).ToList();
}
