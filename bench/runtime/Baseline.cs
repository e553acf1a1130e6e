using System.Diagnostics;
using Confluent.Kafka;

namespace Streaming.Bench.Runtime;

/// <summary>
/// The baseline: a raw Confluent.Kafka consume → produce loop with the runtime's client settings (read_committed
/// consumer, idempotent producer, linger 5 ms, keyed partitioning, offsets committed every second).
/// </summary>
internal static class Baseline
{
    /// <param name="transactional">
    /// Exactly-once as a raw loop: a transactional producer that commits the input offsets with its transaction every
    /// 100 ms (the runtime's exactly-once commit interval) instead of a plain offset commit every second.
    /// </param>
    public static long Run(string bootstrap, IReadOnlyList<string> inputs, string output, int expected, Stopwatch watch, bool transactional)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = output,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = IsolationLevel.ReadCommitted,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
        }).Build();
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            QueueBufferingMaxMessages = 1_000_000,
            BatchNumMessages = 10_000,
            TransactionalId = transactional ? output : null,
        }).Build();
        var commitIntervalMs = transactional ? 100 : 1000;
        if (transactional)
        {
            producer.InitTransactions(TimeSpan.FromSeconds(30));
            producer.BeginTransaction();
        }
        consumer.Subscribe(inputs);
        long count = 0;
        var positions = new Dictionary<TopicPartition, TopicPartitionOffset>();
        var lastCommit = 0L;
        while (count < expected)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null)
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
                    // The output may have fewer partitions than the inputs: the partitioner picks, as for the processor's sinks.
                    producer.Produce(output, message);
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
            positions[result.TopicPartition] = new TopicPartitionOffset(result.TopicPartition, result.Offset + 1);
            count++;
            if (watch.ElapsedMilliseconds - lastCommit >= commitIntervalMs)
            {
                Commit(consumer, producer, positions.Values, transactional, beginNext: true);
                lastCommit = watch.ElapsedMilliseconds;
            }
        }
        Commit(consumer, producer, positions.Values, transactional, beginNext: false);
        watch.Stop();
        consumer.Close();
        return count;
    }

    private static void Commit(IConsumer<byte[], byte[]> consumer, IProducer<byte[], byte[]> producer, IEnumerable<TopicPartitionOffset> positions, bool transactional, bool beginNext)
    {
        if (!transactional)
        {
            producer.Flush();
            consumer.Commit(positions);
            return;
        }
        producer.SendOffsetsToTransaction(positions, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(30));
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
        if (beginNext)
        {
            producer.BeginTransaction();
        }
    }
}
