using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.S3;

namespace Streaming.Bench.Parquet;

/// <summary>
/// The S3 sink end to end on the dev broker: a topic of trips → decode → hourly Parquet files in a file:// lake,
/// <c>--until-end</c>, against a bare consumer reading the same topic to its end offsets (the ceiling on this broker).
/// The sink runs twice (the first warms up the JIT and the broker); the second is reported.
/// </summary>
internal static class EndToEnd
{
    public static async Task<bool> RunAsync(string bootstrap, int rows, string work)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var topic = $"trips.clean.bench{id}";
        using var serdes = new AvroSerdes(SchemaRegistrySettings.Bind(StreamingConfiguration.Build()));
        var kafka = new KafkaSettings { BootstrapServers = bootstrap };
        // One day of trips, as the demo has: about one file per hour and partition, each of a few thousand rows.
        var trips = TripRows.Generate(rows, seed: 7, stepMillis: 86_400_000L / rows).ToSinkRecords(topic).Select(r => (Streaming.Contracts.Events.TripEvent)r.Value).ToList();
        Console.WriteLine($"end to end: {rows:N0} trips on {topic} (zstd, 4 partitions), sink to a file:// lake vs consume only");

        var producerConfig = KafkaClientConfigFactory.CreateProducerConfig(kafka);
        producerConfig.LingerMs = 20;
        producerConfig.CompressionType = CompressionType.Zstd; // the mock broker keeps only ~5 MB per partition
        using (var producer = new ProducerBuilder<byte[], byte[]>(producerConfig).Build())
        {
            foreach (var trip in trips)
            {
                producer.Produce(topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(trip.TripId), Value = serdes.TripEvent.Serialize(trip, topic) });
            }
            if (producer.Flush(TimeSpan.FromSeconds(180)) > 0)
            {
                Console.WriteLine("  producing did not finish within 180 s");
                return false;
            }
        }

        var sinkTime = TimeSpan.Zero;
        var summary = string.Empty;
        for (var run = 0; run < 2; run++)
        {
            var lake = Path.Combine(work, $"lake-{id}-{run}");
            var sink = new S3Sink(new S3SinkOptions { Table = "trips" }, new LocalFileStorage(lake),
                new ParquetRecordWriterProvider(ParquetTableMappings.ForTopic(topic)!, new LocalFileStorage(lake)), NullLogger.Instance);
            using var rejected = new RejectedPublisher(KafkaClientConfigFactory.CreateProducerConfig(kafka), NullLogger.Instance, serde: serdes.Rejected);
            var groupId = $"bench-s3-{id}-{run}";
            var loop = new DeliveryLoop(new DeliveryOptions { Topics = [topic], GroupId = groupId, SinkName = "bench-s3", UntilEnd = true },
                KafkaClientConfigFactory.CreateConsumerConfig(kafka, groupId), sink, new RecordDecoder(serdes), rejected, NullLogger.Instance);
            var stopwatch = Stopwatch.StartNew();
            await loop.RunAsync();
            sinkTime = stopwatch.Elapsed;
            summary = loop.Summary.Format("s3", sinkTime) + " " + sink.FileCounts.Format();
            sink.Dispose();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sink run {run + 1}: {sinkTime.TotalSeconds:F2} s{(run == 0 ? " (warm-up)" : string.Empty)}"));
            if (loop.Summary.Rows != rows)
            {
                Console.WriteLine($"  the sink wrote {loop.Summary.Rows} rows, expected {rows}: the run is not valid");
                return false;
            }
        }

        var (consumeTime, lowWatermarks) = ConsumeOnly(kafka, topic, rows, id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sink end to end      {sinkTime.TotalSeconds,7:F2} s {rows / sinkTime.TotalSeconds,10:N0} rows/s   ratio to consume only {consumeTime / sinkTime:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  consume only         {consumeTime.TotalSeconds,7:F2} s {rows / consumeTime.TotalSeconds,10:N0} rows/s"));
        Console.WriteLine("  " + summary);
        Console.WriteLine(lowWatermarks == 0 ? "  valid: no partition was trimmed by the broker" : $"  NOT valid: the broker trimmed {lowWatermarks} records");
        return lowWatermarks == 0;
    }

    // Polls as the sink does and stops once every partition reached the end offset
    // captured at start, as --until-end does. Returns the time and the records the broker trimmed (low watermarks).
    private static (TimeSpan Time, long Trimmed) ConsumeOnly(KafkaSettings kafka, string topic, int rows, string id)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigFactory.CreateConsumerConfig(kafka, "bench-consume-" + id)).Build();
        var stopwatch = Stopwatch.StartNew();
        var partitions = Enumerable.Range(0, 4).Select(p => new TopicPartition(topic, p)).ToList();
        var marks = partitions.ToDictionary(tp => tp.Partition.Value, tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)));
        consumer.Assign(partitions.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)));
        var seen = 0;
        var remaining = marks.Count(kv => kv.Value.High.Value > kv.Value.Low.Value);
        while (remaining > 0 && stopwatch.Elapsed < TimeSpan.FromMinutes(3))
        {
            PolledRecord? polled = consumer.Consume(100) is { } result ? PolledRecord.From(result) : null;
            if (polled is not { IsEof: false } record)
            {
                continue;
            }
            seen++;
            if (record.Offset + 1 == marks[record.Partition].High.Value)
            {
                remaining--;
            }
        }
        var trimmed = marks.Values.Sum(m => m.Low.Value) + (rows - seen - marks.Values.Sum(m => m.Low.Value));
        return (stopwatch.Elapsed, Math.Max(0, trimmed));
    }
}
