using System.Diagnostics;
using Confluent.Kafka;

namespace Streaming.Bench.Processor;

/// <summary>
/// The baseline: a raw Confluent.Kafka consume → produce loop under transactions, what exactly-once costs with no
/// processing at all. A read_committed consumer over the inputs; every record is produced unchanged (key, value,
/// timestamp) to one output topic by a transactional producer, which commits the input offsets with its transaction
/// (<c>SendOffsetsToTransaction</c>) every commit interval and once at the end.
/// </summary>
internal static class RawTransactionalLoop
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>Processes <paramref name="expected"/> records; the watch runs from the first record to the last commit.</summary>
    public static long Run(BenchOptions options, long expected, Stopwatch watch)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = options.Bootstrap,
            GroupId = options.ApplicationId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = IsolationLevel.ReadCommitted,
        }).SetLogHandler(BenchLog.Client).Build();
        var producerConfig = new ProducerConfig
        {
            BootstrapServers = options.Bootstrap,
            TransactionalId = options.ApplicationId + "-tx",
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            Partitioner = Partitioner.Murmur2Random,
        };
        producerConfig.Set("compression.type", options.Compression);
        using var producer = new ProducerBuilder<byte[], byte[]>(producerConfig).SetLogHandler(BenchLog.Client).Build();
        producer.InitTransactions(s_timeout);
        producer.BeginTransaction();
        consumer.Subscribe(options.Inputs);
        var positions = new Dictionary<TopicPartition, TopicPartitionOffset>();
        long count = 0;
        var lastCommitMs = 0L;
        while (count < expected)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }
            if (count == 0)
            {
                watch.Start();
            }
            var message = new Message<byte[], byte[]> { Key = result.Message.Key, Value = result.Message.Value, Timestamp = result.Message.Timestamp };
            while (true)
            {
                try
                {
                    producer.Produce(options.Output, message);
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
            positions[result.TopicPartition] = new TopicPartitionOffset(result.TopicPartition, result.Offset + 1);
            count++;
            if (watch.ElapsedMilliseconds - lastCommitMs >= options.CommitIntervalMs)
            {
                Commit(consumer, producer, positions.Values, beginNext: true);
                lastCommitMs = watch.ElapsedMilliseconds;
            }
        }
        Commit(consumer, producer, positions.Values, beginNext: false);
        watch.Stop();
        consumer.Close();
        return count;
    }

    private static void Commit(IConsumer<byte[], byte[]> consumer, IProducer<byte[], byte[]> producer, IEnumerable<TopicPartitionOffset> positions, bool beginNext)
    {
        producer.SendOffsetsToTransaction(positions, consumer.ConsumerGroupMetadata, s_timeout);
        producer.CommitTransaction(s_timeout);
        if (beginNext)
        {
            producer.BeginTransaction();
        }
    }
}
