using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;

namespace Streaming.Bench.Processor;

/// <summary>
/// The hourly city windows as stock Streamiz DSL, what the full topology's trips path is measured against: trips
/// (Confluent Avro, decoded with the contracts' serde; undecodable records dropped) → (city, fare) → repartition by
/// city (what <c>groupBy(city)</c> does implicitly; explicit here so the run can count what came back) → groupByKey → tumbling 1 h windows with the processor's allowed lateness as grace → aggregate (trips,
/// fare sum) in an in-memory window store → suppress until the window closes → the output topic. No dedup, no
/// validation, no late or rejected outputs: the DSL's own operators only, with their default changelogs.
/// </summary>
internal static class StockDslTopology
{
    public const string Repartition = "stock-trips-by-city";
    public const string WindowStore = "stock-city-hourly";
    public const string Suppression = "stock-city-hourly-suppress";

    public static TimeSpan WindowSize { get; } = TimeSpan.FromHours(1);

    /// <summary>The processor's default <c>Processor:AllowedLateness</c>.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromMinutes(10);

    /// <param name="progress">Counts input records, records sent to the repartition topic and records read back from it.</param>
    public static Topology Build(string tripsTopic, string output, int partitions, StockDslProgress progress)
    {
        var trips = new AvroSerdes(SchemaRegistrySettings.Bind(StreamingConfiguration.Build())).TripEvent;
        var builder = new StreamBuilder();
        builder.Stream(tripsTopic, new ByteArraySerDes(), new ByteArraySerDes())
            .Peek((_, _, _) => progress.OnInput())
            .MapValues((value, _) => Decode(trips, value))
            .Filter((_, trip, _) => trip is not null && !string.IsNullOrEmpty(trip.City))
            .Map((_, trip, _) => KeyValuePair.Create(trip!.City, trip.Fare))
            .Peek((_, _, _) => progress.OnRepartitioned())
            .Repartition(Repartitioned<string, double>.As(Repartition)
                .WithKeySerdes(new StringSerDes())
                .WithValueSerdes(new DoubleSerDes())
                .WithNumberOfPartitions(partitions))
            .Peek((_, _, _) => progress.OnAggregated())
            .GroupByKey<StringSerDes, DoubleSerDes>()
            .WindowedBy(TumblingWindowOptions.Of(WindowSize, Grace))
            .Aggregate<CityHourlyCount>(
                () => CityHourlyCount.Empty,
                (_, fare, total) => total.Add(fare),
                InMemoryWindows.As<string, CityHourlyCount>(WindowStore, WindowSize)
                    .WithKeySerdes(new StringSerDes())
                    .WithValueSerdes(new CityHourlyCountSerDes()),
                "stock-city-hourly-aggregate")
            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, CityHourlyCount>(Grace, StrictBufferConfig.Unbounded())
                    .WithKeySerdes(new TimeWindowedSerDes<string>(new StringSerDes(), (long)WindowSize.TotalMilliseconds))
                    .WithValueSerdes(new CityHourlyCountSerDes()),
                Suppression)
            .ToStream()
            .To(output, new TimeWindowedSerDes<string>(new StringSerDes(), (long)WindowSize.TotalMilliseconds), new CityHourlyCountSerDes());
        return builder.Build();
    }

    private static TripEvent? Decode(AvroSerde<TripEvent> serde, byte[]? value)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            return serde.Deserialize(value);
        }
        catch (RecordDecodeException)
        {
            return null;
        }
    }
}
