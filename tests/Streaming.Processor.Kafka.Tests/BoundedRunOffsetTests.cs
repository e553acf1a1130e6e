using Confluent.Kafka;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>
/// A bounded run neither processes nor commits a record at or beyond its end offset: Streamiz would consume past the
/// end, and whatever it consumed it commits, so the next run under the same application id would skip those records.
/// </summary>
public sealed class BoundedRunOffsetTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ShouldCommitEachInputPartitionAtItsEndOffsetAndNoFurther()
    {
        var prefix = "bo-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var appId = prefix + "bf";
        var producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
        var processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");
        var generated = await DevStackChild.RunAsync(producer,
            ["generate", "--trips", "2000", "--messages", "400", "--days", "1", "--seed", "11", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);
        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", appId, "--output-suffix", "backfill"]);

        // at_least_once: the mock broker keeps plain offset commits (it forgets transactional ones).
        var backfill = await DevStackChild.RunAsync(processor,
            ["backfill", "--topic-prefix", prefix, "--app-id", appId, "--guarantee", "at_least_once", "--to-offsets", "trips:0=100,2=7;messages:1=30"], s_bound);
        backfill.ExitCode.Should().Be(0, backfill.Stderr);

        var reader = new TopicReader(DevStack.KafkaBootstrap);
        var expected = new Dictionary<(string, int), long>();
        foreach (var topic in new[] { "trips", "messages" })
        {
            var high = reader.HighWatermarks(prefix + topic);
            for (var p = 0; p < high.Count; p++)
            {
                expected[(prefix + topic, p)] = high[p];
            }
        }
        expected[(prefix + "trips", 0)] = 100;
        expected[(prefix + "trips", 2)] = 7;
        expected[(prefix + "messages", 1)] = 30;
        expected.Values.Should().OnlyContain(v => v > 0);

        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = DevStack.KafkaBootstrap, GroupId = appId }).Build();
        var committed = consumer.Committed(expected.Keys.Select(k => new TopicPartition(k.Item1, k.Item2)), TimeSpan.FromSeconds(30))
            .ToDictionary(c => (c.Topic, c.Partition.Value), c => c.Offset.Value);
        committed.Should().Equal(expected);
        backfill.Stdout.Should().Contain($"Throughput: {expected.Values.Sum()} input records in");
    }
}
