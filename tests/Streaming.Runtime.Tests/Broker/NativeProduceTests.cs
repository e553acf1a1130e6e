using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Broker;

[Collection("broker")]
public sealed class NativeProduceTests
{
    [Fact]
    public void ShouldWriteTheSameRecordsAsConfluentKafka()
    {
        var topic = KafkaTestData.Unique("rt-native");
        KafkaTestData.EnsureTopic(topic);
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = KafkaTestData.Bootstrap, EnableIdempotence = true }).Build();
        using var native = NativeProduce.TryCreate(producer);

        native.Should().NotBeNull("this machine maps exactly one librdkafka, so the fast path must be available");
        native!.Produce(topic, 2, "k1"u8.ToArray(), "v1"u8.ToArray(), 1_750_000_000_123);
        native.Produce(topic, 2, null, "no-key"u8.ToArray(), 1_750_000_000_124);
        native.Produce(topic, 2, "tombstone"u8.ToArray(), null, 1_750_000_000_125);
        native.Produce(topic, 1, [], [], 1_750_000_000_126);
        producer.Flush(TimeSpan.FromSeconds(30)).Should().Be(0);

        var records = KafkaTestData.ReadAll(topic, Deserializers.ByteArray, Deserializers.ByteArray).OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
        records.Select(r => (r.Partition.Value, Key(r.Message.Key), Key(r.Message.Value), r.Message.Timestamp.UnixTimestampMs)).Should().Equal(
            (1, "", "", 1_750_000_000_126),
            (2, "k1", "v1", 1_750_000_000_123),
            (2, null, "no-key", 1_750_000_000_124),
            (2, "tombstone", null, 1_750_000_000_125));
    }

    [Fact]
    public void ShouldReportALocalErrorAsAKafkaException()
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = KafkaTestData.Bootstrap }).Build();
        using var native = NativeProduce.TryCreate(producer)!;

        var act = () => native.Produce(KafkaTestData.Unique("rt-native"), 0, null, new byte[2_000_000], 1);

        act.Should().Throw<KafkaException>().Which.Error.Code.Should().Be(ErrorCode.MsgSizeTooLarge);
    }

    private static string? Key(byte[]? bytes) => bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes);
}
