using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>
/// The processor's topology (DESIGN §3–§5) on Streamiz, in three sub-topologies, in the order data flows:
/// <list type="number">
/// <item>trips (bytes) → <see cref="TripIngestTransformer"/> → trips.clean, trips.late, trips.rejected, and partials
/// plus watermark markers → the <c>trips-by-city</c> repartition topic;</item>
/// <item>trips-by-city → <see cref="CityWindowTransformer"/> → trips.city-hourly, once per window at close;</item>
/// <item>messages (bytes) → <see cref="MessageIngestTransformer"/> → messages.late, messages.rejected, and flagged
/// messages plus watermark advances → <see cref="StrikeTransformer"/> → messages.flagged, senders.strike-status.</item>
/// </list>
/// Every node and store is named, so <c>Describe()</c> and the internal topics
/// (<c>{application.id}-{store}-changelog</c>, <c>{application.id}-trips-by-city-repartition</c>) stay stable.
/// </summary>
/// <remarks>
/// Stores are attached with <c>AddStateStore(store, processor)</c>: Streamiz 1.8.2's <c>TransformerBuilder.StateStore</c>
/// keeps only the last store it was given. Processors forward to named children, one value type per child; the <c>MapValues</c> child after each names that
/// type for its sink's serde.
/// </remarks>
public static class StreamizPipelineTopology
{
    public const string TripClockStore = "trip-partition-clock";
    public const string TripDedupStore = "trip-dedup";
    public const string TripPartialStore = "trip-city-partials";
    public const string CityWindowStore = "city-hourly-windows";
    public const string CityUpstreamMarkStore = "city-upstream-watermarks";
    public const string MessageClockStore = "message-partition-clock";
    public const string MessageDedupStore = "message-dedup";
    public const string StrikeLedgerStore = "strike-ledger";

    public const string TripsSource = "trips-source";
    public const string TripIngest = "trip-ingest";
    public const string TripsClean = "trips-clean";
    public const string TripsLate = "trips-late";
    public const string TripsRejected = "trips-rejected";
    public const string TripsByCity = "trips-by-city-partials";
    public const string TripsByCityRepartition = "trips-by-city";
    public const string CityWindows = "city-hourly-window";
    public const string CityHourlySink = "trips-city-hourly-sink";

    public const string MessagesSource = "messages-source";
    public const string MessageIngest = "message-ingest";
    public const string MessagesLate = "messages-late";
    public const string MessagesRejected = "messages-rejected";
    public const string Strikes = "strike-ledger-processor";
    public const string MessagesFlagged = "messages-flagged";
    public const string StrikeStatus = "senders-strike-status";

    /// <summary>How often partials are flushed and markers sent when no record triggers it, by default.</summary>
    public static TimeSpan DefaultFlushInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Builds the topology.</summary>
    /// <param name="flushInterval">Interval of the trips flush punctuation (stream time and wall clock) and of the end-of-input check.</param>
    public static Streamiz.Kafka.Net.Stream.Topology Build(
        ProcessorOptions options,
        AvroSerdes serdes,
        MarkedWordMatcher matcher,
        PipelineTopics topics,
        RunSummary summary,
        CityRepartitionLayout layout,
        InputBounds bounds,
        TimeSpan? flushInterval = null)
    {
        var interval = flushInterval ?? DefaultFlushInterval;
        var bytes = new ByteArraySerDes();
        var builder = new StreamBuilder();

        var trips = builder
            .Stream(topics.Trips, bytes, bytes, TripsSource, new SourceTimestampExtractor())
            .Map((k, v, _) => KeyValuePair.Create(new SourceKey(k), v), TripsSource + "-key")
            .Transform(
                TransformerBuilder.New<SourceKey, byte[], byte[], object>()
                    .Transformer<TripIngestTransformer>(new IngestSettings<TripEvent>(topics.Trips, serdes.TripEvent, options, summary, bounds, interval), layout)
                    .Build(),
                TripIngest);
        builder.AddStateStore(ClockStore(TripClockStore), TripIngest);
        builder.AddStateStore(DedupStore(TripDedupStore), TripIngest);
        builder.AddStateStore(Store(TripPartialStore, new StringSerDes(), new CodecSerDes<HeldCityPartial>(HeldCityPartialCodec.Encode, b => HeldCityPartialCodec.Decode(b))), TripIngest);
        trips.MapValues((v, _) => (TripEvent)v, TripsClean)
            .To(topics.TripsClean, bytes, ConfluentSerDes<TripEvent>.Of(serdes.TripEvent), TripsClean + "-sink");
        trips.MapValues((v, _) => (TripLate)v, TripsLate)
            .To(topics.TripsLate, bytes, ConfluentSerDes<TripLate>.Of(serdes.TripLate), TripsLate + "-sink");
        trips.MapValues((v, _) => (Rejected)v, TripsRejected)
            .To(topics.TripsRejected, bytes, ConfluentSerDes<Rejected>.Of(serdes.Rejected), TripsRejected + "-sink");
        var windows = trips.MapValues((v, _) => (CityRepartitionRecord)v, TripsByCity)
            .Repartition(
                Repartitioned<byte[], CityRepartitionRecord>.As(TripsByCityRepartition)
                    .WithKeySerdes(bytes)
                    .WithValueSerdes(new CodecSerDes<CityRepartitionRecord>(CityRepartitionCodec.Encode, b => CityRepartitionCodec.Decode(b)))
                    .WithNumberOfPartitions(layout.Partitions)
                    .WithStreamPartitioner(new CityRepartitionPartitioner(layout)))
            .Transform(
                TransformerBuilder.New<byte[], CityRepartitionRecord, byte[], CityHourly>()
                    .Transformer<CityWindowTransformer>(summary, bounds)
                    .Build(),
                CityWindows);
        builder.AddStateStore(Store(CityWindowStore, new StringSerDes(), new CodecSerDes<CityWindowState>(CityWindowStateCodec.Encode, b => CityWindowStateCodec.Decode(b))), CityWindows);
        builder.AddStateStore(
            Store(CityUpstreamMarkStore, new Int32SerDes(), new CodecSerDes<UpstreamMark?>(m => UpstreamMarkCodec.Encode(m!.Value), b => UpstreamMarkCodec.Decode(b))),
            CityWindows);
        windows.To(topics.TripsCityHourly, bytes, ConfluentSerDes<CityHourly>.Of(serdes.CityHourly), CityHourlySink);

        var messages = builder
            .Stream(topics.Messages, bytes, bytes, MessagesSource, new SourceTimestampExtractor())
            .Map((k, v, _) => KeyValuePair.Create(new SourceKey(k), v), MessagesSource + "-key")
            .Transform(
                TransformerBuilder.New<SourceKey, byte[], byte[], object>()
                    .Transformer<MessageIngestTransformer>(new IngestSettings<MessageEvent>(topics.Messages, serdes.MessageEvent, options, summary, bounds, interval), matcher)
                    .Build(),
                MessageIngest);
        builder.AddStateStore(ClockStore(MessageClockStore), MessageIngest);
        builder.AddStateStore(DedupStore(MessageDedupStore), MessageIngest);
        messages.MapValues((v, _) => (MessageLate)v, MessagesLate)
            .To(topics.MessagesLate, bytes, ConfluentSerDes<MessageLate>.Of(serdes.MessageLate), MessagesLate + "-sink");
        messages.MapValues((v, _) => (Rejected)v, MessagesRejected)
            .To(topics.MessagesRejected, bytes, ConfluentSerDes<Rejected>.Of(serdes.Rejected), MessagesRejected + "-sink");
        var strikes = messages.Transform(
            TransformerBuilder.New<byte[], object, byte[], object>()
                .Transformer<StrikeTransformer>(options, summary)
                .Build(),
            Strikes);
        builder.AddStateStore(
            Store(StrikeLedgerStore, new StringSerDes(), new CodecSerDes<StrikeLedger>(StrikeLedgerCodec.Encode, b => StrikeLedgerCodec.Decode(b, options))),
            Strikes);
        strikes.MapValues((v, _) => (FlaggedMessage)v, MessagesFlagged)
            .To(topics.MessagesFlagged, bytes, ConfluentSerDes<FlaggedMessage>.Of(serdes.FlaggedMessage), MessagesFlagged + "-sink");
        strikes.MapValues((v, _) => (Contracts.Events.StrikeStatus)v, StrikeStatus)
            .To(topics.SendersStrikeStatus, bytes, ConfluentSerDes<Contracts.Events.StrikeStatus>.Of(serdes.StrikeStatus), StrikeStatus + "-sink");

        return builder.Build();
    }

    private static IStoreBuilder ClockStore(string name) =>
        Store(name, new Int32SerDes(), new CodecSerDes<SourcePartitionClock?>(c => SourcePartitionClockCodec.Encode(c!.Value), b => SourcePartitionClockCodec.Decode(b)));

    private static IStoreBuilder DedupStore(string name) =>
        Store(name, new StringSerDes(), new CodecSerDes<DedupEntry?>(e => DedupEntryCodec.Encode(e!.Value), b => DedupEntryCodec.Decode(b)));

    /// <summary>An in-memory key-value store with its changelog, without caching: every write is seen by the next read and logged.</summary>
    private static IStoreBuilder Store<TKey, TValue>(string name, ISerDes<TKey> keySerdes, ISerDes<TValue> valueSerdes) =>
        Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore(name), keySerdes, valueSerdes)
            .WithLoggingEnabled(new Dictionary<string, string>())
            .WithCachingDisabled();
}
