using Confluent.Kafka;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// The processor's topology (DESIGN §3, §4), in three sub-topologies:
/// <list type="number">
/// <item>trips → validate, horizon, dedup → trips.clean (+ trips.late when window-late) → partial aggregates per city and
/// window, repartitioned by city at each flush;</item>
/// <item>trips-by-city repartition → partials merged into hourly windows per city → trips.city-hourly, once per window at close;</item>
/// <item>messages → validate, horizon, dedup → flag marked words → messages.flagged and the strike ledger → senders.strike-status.</item>
/// </list>
/// </summary>
public static class PipelineTopology
{
    public const string TripDedupStore = "trip-dedup";
    public const string MessageDedupStore = "message-dedup";
    public const string CityWindowStore = "city-hourly-windows";
    public const string StrikeLedgerStore = "strike-ledger";

    public const string TripsSource = "trips-source";
    public const string TripIngest = "trip-ingest";
    public const string TripsCleanSink = "trips-clean-sink";
    public const string TripsLateSink = "trips-late-sink";
    public const string TripsRejectedSink = "trips-rejected-sink";
    public const string TripsByCityRepartition = "trips-by-city";
    public const string TripsByCity = TripsByCityRepartition + "-sink";
    public const string CityWindows = "city-hourly-window";
    public const string CityHourlySink = "trips-city-hourly-sink";

    public const string MessagesSource = "messages-source";
    public const string MessageIngest = "message-ingest";
    public const string MessagesRejectedSink = "messages-rejected-sink";
    public const string MessagesLateSink = "messages-late-sink";
    public const string Strikes = "strike-ledger-processor";
    public const string MessagesFlaggedSink = "messages-flagged-sink";
    public const string StrikeStatusSink = "senders-strike-status-sink";

    public static Runtime.Topology Build(ProcessorOptions options, AvroSerdes serdes, MarkedWordMatcher matcher, PipelineTopics topics, RunSummary summary)
    {
        var key = Serdes.String;
        var rawKey = Serdes.ByteArray;
        var builder = new TopologyBuilder();

        builder
            .AddSource(TripsSource, [topics.Trips], rawKey.Deserializer, new SafeDeserializer<TripEvent>(serdes.TripEvent),
                TimestampExtractors.From<byte[], Decoded<TripEvent>>((_, v, _, _) => v.Value?.PickupTs ?? -1))
            .AddProcessor(TripIngest, () => new TripIngestProcessor(options, summary.CountersFor(topics.Trips)), TripsSource)
            .AddSink(TripsCleanSink, topics.TripsClean, key.Serializer, serdes.TripEvent, TripIngest)
            .AddSink(TripsLateSink, topics.TripsLate, rawKey.Serializer, serdes.TripLate, TripIngest)
            .AddSink(TripsRejectedSink, topics.TripsRejected, rawKey.Serializer, serdes.Rejected, TripIngest)
            .AddRepartition(TripsByCityRepartition, key, CityHourlyPartialSerde, TripIngest)
            .AddProcessor(CityWindows, () => new CityWindowProcessor(summary), TripsByCityRepartition + "-source")
            .AddSink(CityHourlySink, topics.TripsCityHourly, key.Serializer, serdes.CityHourly, CityWindows);

        builder
            .AddSource(MessagesSource, [topics.Messages], rawKey.Deserializer, new SafeDeserializer<MessageEvent>(serdes.MessageEvent),
                TimestampExtractors.From<byte[], Decoded<MessageEvent>>((_, v, _, _) => v.Value?.SentAt ?? -1))
            .AddProcessor(MessageIngest, () => new MessageIngestProcessor(options, summary.CountersFor(topics.Messages), matcher), MessagesSource)
            .AddSink(MessagesLateSink, topics.MessagesLate, rawKey.Serializer, serdes.MessageLate, MessageIngest)
            .AddSink(MessagesRejectedSink, topics.MessagesRejected, rawKey.Serializer, serdes.Rejected, MessageIngest)
            .AddProcessor(Strikes, () => new StrikeProcessor(options, summary), MessageIngest)
            .AddSink(MessagesFlaggedSink, topics.MessagesFlagged, key.Serializer, serdes.FlaggedMessage, Strikes)
            .AddSink(StrikeStatusSink, topics.SendersStrikeStatus, key.Serializer, serdes.StrikeStatus, Strikes);

        builder
            .AddStateStore(
                Stores.KeyValueStore(TripDedupStore, key, DedupEntrySerde)
                    .WithRetention(options.DedupRetention, (_, entry) => entry.EventTime)
                    .WithBatchedChangelog(),
                TripIngest)
            .AddStateStore(
                Stores.KeyValueStore(MessageDedupStore, key, DedupEntrySerde)
                    .WithRetention(options.DedupRetention, (_, entry) => entry.EventTime)
                    .WithBatchedChangelog(),
                MessageIngest)
            .AddStateStore(
                Stores.WindowStore(CityWindowStore, key,
                    Serdes.From(CityHourlyAccumulatorCodec.Encode, bytes => CityHourlyAccumulatorCodec.Decode(bytes))),
                CityWindows)
            .AddStateStore(
                Stores.KeyValueStore(StrikeLedgerStore, key,
                    Serdes.From(StrikeLedgerCodec.Encode, bytes => StrikeLedgerCodec.Decode(bytes, options))),
                Strikes);

        return builder.Build();
    }

    private static Serde<DedupEntry> DedupEntrySerde { get; } =
        Serdes.From(DedupEntryCodec.Encode, bytes => DedupEntryCodec.Decode(bytes));

    private static Serde<CityHourlyPartial> CityHourlyPartialSerde { get; } =
        Serdes.From(CityHourlyPartialCodec.Encode, bytes => CityHourlyPartialCodec.Decode(bytes));
}
