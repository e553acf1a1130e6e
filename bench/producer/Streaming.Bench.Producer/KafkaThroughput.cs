using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Streaming.Contracts.Configuration;
using Streaming.Producer.Generation;
using Streaming.Producer.Output;

namespace Streaming.Bench.Producer;

/// <summary>
/// Events/s to the dev Kafka: our send path (KafkaRecordSink + SendLoop: Avro encoding, keys, delivery reports, bounded
/// flush) against a raw Confluent.Kafka producer sending the same keys and pre-encoded value bytes with the same
/// client settings. Each run uses fresh topics that exist before the clock starts.
/// </summary>
internal sealed class KafkaThroughput(BenchOptions options, SchemaRegistrySettings registry, IReadOnlyList<ProducerRecord> records)
{
    private static readonly TimeSpan s_flushBound = TimeSpan.FromMinutes(3);

    private KafkaSettings Settings => new() { BootstrapServers = options.Bootstrap };

    /// <summary>Our producer: returns events/s from first send to the last acknowledgement.</summary>
    public async Task<double> RunOursAsync(string prefix)
    {
        var topics = Topics(prefix);
        CreateTopics(topics.Values);
        var sinkOptions = new KafkaSinkOptions(Settings, registry, topics, TimeSpan.FromSeconds(10), s_flushBound);
        await using var sink = await KafkaRecordSink.ConnectAsync(sinkOptions);
        var clock = Stopwatch.StartNew();
        var completion = await SendLoop.RunAsync(records, records.Count, sink, null, new PlainProgressDisplay(TextWriter.Null, TimeSpan.FromHours(1)), "bench");
        clock.Stop();
        if (!completion.Succeeded || sink.Delivered.Total != records.Count)
        {
            throw new InvalidOperationException($"our producer delivered {sink.Delivered.Total} of {records.Count}: {completion.FirstError}");
        }
        return records.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The raw baseline: Produce of pre-built messages with the same settings; returns events/s.</summary>
    public double RunRaw(string prefix, IReadOnlyList<(string Topic, Message<byte[], byte[]> Message)> encoded)
    {
        var topics = Topics(prefix);
        CreateTopics(topics.Values);
        var config = KafkaRecordSink.CreateProducerConfig(Settings);
        long errors = 0, delivered = 0;
        using var producer = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        Action<DeliveryReport<byte[], byte[]>> handler = report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref errors);
            }
            else
            {
                Interlocked.Increment(ref delivered);
            }
        };
        var clock = Stopwatch.StartNew();
        foreach (var (logical, message) in encoded)
        {
            var topic = prefix + logical;
            while (true)
            {
                try
                {
                    producer.Produce(topic, message, handler);
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(20));
                }
            }
        }
        var remaining = producer.Flush(s_flushBound);
        clock.Stop();
        if (remaining > 0 || errors > 0 || delivered != encoded.Count)
        {
            throw new InvalidOperationException($"raw producer: {delivered} delivered, {errors} failed, {remaining} unflushed of {encoded.Count}");
        }
        return encoded.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Keys and values exactly as our sink sends them (the same Avro bytes), built before any clock starts.</summary>
    public async Task<List<(string Topic, Message<byte[], byte[]> Message)>> PreEncodeAsync(string prefix)
    {
        var topics = Topics(prefix);
        CreateTopics(topics.Values);
        await using var sink = await KafkaRecordSink.ConnectAsync(new KafkaSinkOptions(Settings, registry, topics, TimeSpan.FromSeconds(10), s_flushBound));
        return records.Select(r => (r.Stream.ToName(), new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes(r.Key),
            Value = sink.EncodeValue(r, topics[r.Stream]),
            Timestamp = new Timestamp(r.EventTime, TimestampType.CreateTime),
        })).ToList();
    }

    private static Dictionary<EventStream, string> Topics(string prefix) => new()
    {
        [EventStream.Trips] = prefix + EventStream.Trips.ToName(),
        [EventStream.Messages] = prefix + EventStream.Messages.ToName(),
    };

    // The mock cluster creates topics on first produce; one record each before the clock keeps creation out of the timing.
    private void CreateTopics(IEnumerable<string> topics)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = options.Bootstrap }).SetLogHandler((_, _) => { }).Build();
        foreach (var topic in topics)
        {
            producer.Produce(topic, new Message<byte[], byte[]> { Key = [1], Value = [0] });
        }
        if (producer.Flush(TimeSpan.FromSeconds(30)) > 0)
        {
            throw new InvalidOperationException("the dev Kafka did not take the topic-creating records within 30 s");
        }
    }
}
