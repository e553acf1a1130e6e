using Confluent.Kafka;

namespace Streaming.Bench.Runtime;

/// <summary>Writes the benchmark input: 100-byte values, 10k keys, spread over the topic's partitions by key.</summary>
internal static class InputProducer
{
    /// <summary>Creates a topic by auto-creation (the mock does not answer CreateTopics).</summary>
    public static void EnsureTopic(string bootstrap, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig(new Dictionary<string, string> { ["bootstrap.servers"] = bootstrap, ["allow.auto.create.topics"] = "true" })).Build();
        for (var i = 0; i < 50 && admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.All(t => t.Error.Code != ErrorCode.NoError || t.Partitions.Count == 0); i++)
        {
            Thread.Sleep(100);
        }
    }

    public static void Produce(string bootstrap, string topic, int records)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            EnableIdempotence = true,
            LingerMs = 5,
            Partitioner = Partitioner.Murmur2Random,
            QueueBufferingMaxMessages = 1_000_000,
        }).Build();
        var value = new byte[100];
        for (var i = 0; i < records; i++)
        {
            var message = new Message<string, byte[]> { Key = $"key-{i % 10_000:D5}", Value = value, Timestamp = new Timestamp(1_750_000_000_000L + i, TimestampType.CreateTime) };
            while (true)
            {
                try
                {
                    producer.Produce(topic, message);
                    break;
                }
                catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
        }
        producer.Flush(TimeSpan.FromMinutes(2));
    }
}
