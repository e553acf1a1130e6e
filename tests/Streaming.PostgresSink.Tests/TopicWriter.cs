using System.Text;
using Confluent.Kafka;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Serialization;
using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>Produces Confluent-framed Avro records to the dev Kafka and reports where each landed.</summary>
internal sealed class TopicWriter : IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
    {
        BootstrapServers = DevStack.KafkaBootstrap,
        Partitioner = Partitioner.Murmur2Random,
        LingerMs = 5,
        EnableIdempotence = true,
    }).Build();

    public async Task<List<ProducedRecord<T>>> ProduceAsync<T>(string topic, IEnumerable<T> values, Func<T, string> key)
    {
        var serde = DevRegistry.Serdes.For<T>();
        var pending = values.Select(v => (Value: v, Task: _producer.ProduceAsync(topic, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(key(v)),
            Value = serde.Serialize(v, topic),
        }))).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(pending.Select(p => p.Task)).WaitAsync(timeout.Token);
        return pending.Select(p => new ProducedRecord<T>(p.Value, topic, p.Task.Result.Partition.Value, p.Task.Result.Offset.Value)).ToList();
    }

    public async Task<(int Partition, long Offset)> ProduceRawAsync(string topic, byte[]? key, byte[]? value)
    {
        var result = await _producer.ProduceAsync(topic, new Message<byte[]?, byte[]> { Key = key, Value = value! }).WaitAsync(TimeSpan.FromSeconds(30));
        return (result.Partition.Value, result.Offset.Value);
    }

    /// <summary>High watermarks of every partition of a topic.</summary>
    public static Dictionary<(string Topic, int Partition), long> EndOffsets(IEnumerable<string> topics)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = DevStack.KafkaBootstrap }).Build();
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = DevStack.KafkaBootstrap, GroupId = "offsets-probe" }).Build();
        var ends = new Dictionary<(string, int), long>();
        foreach (var topic in topics)
        {
            foreach (var p in admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single(t => t.Topic == topic).Partitions)
            {
                ends[(topic, p.PartitionId)] = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value;
            }
        }
        return ends;
    }

    public void Dispose() => _producer.Dispose();
}
