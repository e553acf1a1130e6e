using Confluent.Kafka;
using Streaming.TestSupport;

namespace Streaming.Runtime.Tests.Support;

/// <summary>Produces test input to and reads output from the dev broker.</summary>
public static class KafkaTestData
{
    public static string Bootstrap => DevStack.KafkaBootstrap;

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Produces records to explicit partitions (idempotent producer, murmur2 partitioner for null partitions) and waits for delivery.</summary>
    public static void Produce<TKey, TValue>(string topic, IEnumerable<(int? Partition, TKey Key, TValue Value, long Timestamp)> records, ISerializer<TKey> keySerializer, ISerializer<TValue> valueSerializer)
    {
        using var producer = new ProducerBuilder<TKey, TValue>(new ProducerConfig
        {
            BootstrapServers = Bootstrap,
            EnableIdempotence = true,
            LingerMs = 5,
            Partitioner = Partitioner.Murmur2Random,
            QueueBufferingMaxMessages = 1_000_000,
        }).SetKeySerializer(keySerializer).SetValueSerializer(valueSerializer).Build();
        Exception? error = null;
        foreach (var (partition, key, value, timestamp) in records)
        {
            var message = new Message<TKey, TValue> { Key = key, Value = value, Timestamp = new Timestamp(timestamp, TimestampType.CreateTime) };
            void Report(DeliveryReport<TKey, TValue> r)
            {
                if (r.Error.IsError)
                {
                    error ??= new InvalidOperationException($"producing to {topic} failed: {r.Error.Reason}");
                }
            }
            while (true)
            {
                try
                {
                    if (partition is null)
                    {
                        producer.Produce(topic, message, Report);
                    }
                    else
                    {
                        producer.Produce(new TopicPartition(topic, partition.Value), message, Report);
                    }
                    break;
                }
                catch (ProduceException<TKey, TValue> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        if (producer.Flush(TimeSpan.FromSeconds(60)) > 0)
        {
            throw new TimeoutException($"producing to {topic} did not finish within 60 s.");
        }
        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>Creates a topic on the dev broker by auto-creation (4 partitions) and returns its partition count.</summary>
    public static int EnsureTopic(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig(new Dictionary<string, string> { ["bootstrap.servers"] = Bootstrap, ["allow.auto.create.topics"] = "true" })).Build();
        for (var i = 0; i < 50; i++)
        {
            var info = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.FirstOrDefault(t => t.Topic == topic);
            if (info is not null && info.Error.Code == ErrorCode.NoError && info.Partitions.Count > 0)
            {
                return info.Partitions.Count;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"topic {topic} was not created on the dev broker.");
    }

    /// <summary>Reads every record of a topic (all partitions, read_committed) up to the end offsets at call time.</summary>
    public static List<ConsumeResult<TKey, TValue>> ReadAll<TKey, TValue>(string topic, IDeserializer<TKey> keyDeserializer, IDeserializer<TValue> valueDeserializer, TimeSpan? timeout = null)
    {
        var partitions = EnsureTopic(topic);
        using var consumer = new ConsumerBuilder<TKey, TValue>(new ConsumerConfig
        {
            BootstrapServers = Bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            IsolationLevel = IsolationLevel.ReadCommitted,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).SetKeyDeserializer(keyDeserializer).SetValueDeserializer(valueDeserializer).Build();
        var remaining = new Dictionary<int, long>();
        var assign = new List<TopicPartitionOffset>();
        for (var p = 0; p < partitions; p++)
        {
            var w = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            if (w.High > w.Low)
            {
                remaining[p] = w.High.Value;
                assign.Add(new TopicPartitionOffset(topic, p, w.Low));
            }
        }
        var result = new List<ConsumeResult<TKey, TValue>>();
        if (assign.Count == 0)
        {
            return result;
        }
        consumer.Assign(assign);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (remaining.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"reading {topic} did not reach the end within the time bound; left: {string.Join(",", remaining)}");
            }
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r is null)
            {
                continue;
            }
            if (r.IsPartitionEOF)
            {
                if (r.Offset.Value >= remaining.GetValueOrDefault(r.Partition.Value, long.MaxValue))
                {
                    remaining.Remove(r.Partition.Value);
                }
                continue;
            }
            result.Add(r);
            if (r.Offset.Value >= remaining.GetValueOrDefault(r.Partition.Value, long.MaxValue) - 1)
            {
                remaining.Remove(r.Partition.Value);
            }
        }
        return result;
    }
}
