using Confluent.Kafka;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Smoke.Tests;

public sealed class KafkaSmokeTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void ShouldConsumeProducedRecordsAndReadBackCommittedOffsets()
    {
        var topic = "smoke-" + Guid.NewGuid().ToString("N");
        var group = "smoke-group-" + Guid.NewGuid().ToString("N");
        var tp = new TopicPartition(topic, 0);

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = DevStack.KafkaBootstrap, EnableIdempotence = true }).Build())
        {
            for (var i = 0; i < 100; i++)
            {
                producer.Produce(tp, new Message<string, string> { Key = $"k{i}", Value = $"v{i}" });
            }
            producer.Flush(s_bound).Should().Be(0, "all 100 records are delivered");
        }

        using var consumer = new ConsumerBuilder<string, string>(ConsumerConfig(group)).Build();
        consumer.Assign(new TopicPartitionOffset(tp, Offset.Beginning));
        var received = KafkaReading.ConsumeExactly(consumer, 100, s_bound);
        received.Select(r => (r.Message.Key, r.Message.Value))
            .Should().Equal(Enumerable.Range(0, 100).Select(i => ($"k{i}", $"v{i}")));
        received.Select(r => r.Offset.Value).Should().Equal(Enumerable.Range(0, 100).Select(i => (long)i));

        consumer.Commit([new TopicPartitionOffset(tp, 100)]);
        consumer.Committed([tp], s_bound).Single().Offset.Value.Should().Be(100);
    }

    [Fact]
    public void ShouldShowCommittedTransactionUnderReadCommittedAndExposeAbortedOneOnTheMockBroker()
    {
        var topic = "smoke-tx-" + Guid.NewGuid().ToString("N");
        var tp = new TopicPartition(topic, 0);
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = DevStack.KafkaBootstrap,
            TransactionalId = "smoke-tx-" + Guid.NewGuid().ToString("N"),
        }).Build())
        {
            producer.InitTransactions(s_bound);

            producer.BeginTransaction();
            producer.Produce(tp, new Message<string, string> { Key = "a", Value = "aborted-1" });
            producer.Produce(tp, new Message<string, string> { Key = "a", Value = "aborted-2" });
            producer.Flush(s_bound);
            producer.AbortTransaction(s_bound);

            producer.BeginTransaction();
            producer.Produce(tp, new Message<string, string> { Key = "c", Value = "committed-1" });
            producer.Produce(tp, new Message<string, string> { Key = "c", Value = "committed-2" });
            producer.CommitTransaction(s_bound);
        }

        // Real Kafka returns only committed-1, committed-2 here. librdkafka 2.0.2's mock cluster does not
        // filter aborted transactions (and writes no control records), so read_committed sees everything.
        // This pins the measured limit: if a newer librdkafka fixes it, this test fails and the runtime's
        // mock-only safeguards can go.
        var readCommitted = ReadAll(tp, IsolationLevel.ReadCommitted, expected: 4);
        readCommitted.Should().Equal("aborted-1", "aborted-2", "committed-1", "committed-2");

        var readUncommitted = ReadAll(tp, IsolationLevel.ReadUncommitted, expected: 4);
        readUncommitted.Should().Equal("aborted-1", "aborted-2", "committed-1", "committed-2");
    }

    private static List<string> ReadAll(TopicPartition tp, IsolationLevel isolation, int expected)
    {
        var config = ConsumerConfig("smoke-read-" + Guid.NewGuid().ToString("N"));
        config.IsolationLevel = isolation;
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Assign(new TopicPartitionOffset(tp, Offset.Beginning));
        var values = KafkaReading.ConsumeExactly(consumer, expected, s_bound).Select(r => r.Message.Value).ToList();
        // Nothing beyond the expected records may follow (an aborted record leaking would show up here).
        consumer.Consume(TimeSpan.FromSeconds(1)).Should().BeNull();
        return values;
    }

    private static ConsumerConfig ConsumerConfig(string group) => new()
    {
        BootstrapServers = DevStack.KafkaBootstrap,
        GroupId = group,
        EnableAutoCommit = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnablePartitionEof = false,
    };
}
