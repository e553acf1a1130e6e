using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Broker;

[Collection("broker")]
public sealed class NativeConsumeTests
{
    [Fact]
    public void ShouldReadTheSameRecordsAsConfluentKafkaThenTheEndOfThePartition()
    {
        var topic = KafkaTestData.Unique("rt-native-in");
        KafkaTestData.EnsureTopic(topic);
        using (var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = KafkaTestData.Bootstrap }).Build())
        {
            producer.Produce(new TopicPartition(topic, 1), new Message<byte[]?, byte[]?> { Key = "k1"u8.ToArray(), Value = "v1"u8.ToArray(), Timestamp = new Timestamp(1_750_000_000_001, TimestampType.CreateTime) });
            producer.Produce(new TopicPartition(topic, 1), new Message<byte[]?, byte[]?>
            {
                Key = null,
                Value = [],
                Timestamp = new Timestamp(1_750_000_000_002, TimestampType.CreateTime),
                Headers = new Headers { { "h1", "a"u8.ToArray() }, { "h2", null } },
            });
            producer.Produce(new TopicPartition(topic, 1), new Message<byte[]?, byte[]?> { Key = "tomb"u8.ToArray(), Value = null, Timestamp = new Timestamp(1_750_000_000_003, TimestampType.CreateTime) });
            producer.Flush(TimeSpan.FromSeconds(30)).Should().Be(0);
        }
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = KafkaTestData.Bootstrap,
            GroupId = KafkaTestData.Unique("rt-native-group"),
            EnablePartitionEof = true,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 1, 0));
        var native = NativeConsume.TryCreate(consumer);
        native.Should().NotBeNull("this machine maps exactly one librdkafka, so the fast path must be available");

        var polled = new List<PolledRecord>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !polled.Any(p => p.IsEof))
        {
            if (native!.Poll(100) is { } record)
            {
                polled.Add(record);
            }
        }

        polled.Should().HaveCount(4);
        polled.Select(p => (p.Topic, p.Partition, p.Offset, p.IsEof, p.Timestamp, Text(p.Key), Text(p.Value))).Should().Equal(
            (topic, 1, 0L, false, 1_750_000_000_001L, "k1", "v1"),
            (topic, 1, 1L, false, 1_750_000_000_002L, null, ""),
            (topic, 1, 2L, false, 1_750_000_000_003L, "tomb", null),
            (topic, 1, 3L, true, -1L, null, null));
        polled[0].Headers.Should().BeNull();
        polled[1].Headers!.Select(h => (h.Key, Text(h.GetValueBytes()))).Should().Equal(("h1", "a"), ("h2", null));
    }

    private static string? Text(byte[]? bytes) => bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes);
}
