using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Broker;

[Collection("broker")]
public sealed class BoundedModeTests
{
    [Fact]
    public async Task ShouldEmitEveryWindowAndExitZeroInBoundedMode()
    {
        var input = KafkaTestData.Unique("rt-bounded-in");
        var output = KafkaTestData.Unique("rt-bounded-out");
        var inputs = DeterminismWorkload.Generate(seed: 11, fastCount: 300, slowCount: 60);
        KafkaTestData.EnsureTopic(input);
        KafkaTestData.Produce(input, inputs.Select(i => ((int?)i.Partition, i.Key, i.Value, i.Timestamp)), Serializers.Utf8, Serializers.Int64);
        var expected = DeterminismWorkload.Expected(inputs, TimeSpan.FromMinutes(10), DeterminismWorkload.WindowMs);

        using var app = TestAppProcess.Start("--topology", "windows", "--app-id", KafkaTestData.Unique("rt-bounded"), "--input", input, "--output", output, "--until-end", "--mock-broker");
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(90));

        exit.Should().Be(0, app.Tail(30));
        app.Log.Should().Contain("bounded run complete");
        var windows = KafkaTestData.ReadAll(output, Deserializers.Utf8, Deserializers.Utf8).Select(r => new KeyValuePair<string, string>(r.Message.Key, r.Message.Value));
        var late = KafkaTestData.ReadAll(output + ".late", Deserializers.Utf8, Deserializers.Utf8).OrderBy(r => r.Message.Timestamp.UnixTimestampMs).Select(r => (r.Message.Key, r.Message.Value));
        var actual = DeterminismWorkload.Outcome.From(windows, late);
        actual.Windows.Should().BeEquivalentTo(expected.Windows);
        actual.Late.Should().BeEquivalentTo(expected.Late);
    }

    [Theory]
    [InlineData("exactly_once", false)]
    [InlineData("exactly_once", true)]
    [InlineData("at_least_once", false)]
    public async Task ShouldCountEveryRecordOnceWithOrWithoutDeliveryTracking(string guarantee, bool mockBroker)
    {
        // Exactly-once on real Kafka skips per-record delivery reports (the transaction vouches for every send); the
        // other modes track them. All three must count the same, and only tracked runs may list produced ranges.
        var input = KafkaTestData.Unique("rt-count-in");
        var output = KafkaTestData.Unique("rt-count-out");
        var appId = KafkaTestData.Unique("rt-count");
        KafkaTestData.EnsureTopic(input);
        var records = Enumerable.Range(0, 3_000).Select(i => ((int?)null, $"k{i % 37}", $"v{i}", 1_750_000_000_000L + i)).ToList();
        KafkaTestData.Produce(input, records, Serializers.Utf8, Serializers.Utf8);

        var args = new List<string> { "--topology", "count", "--app-id", appId, "--input", input, "--output", output, "--until-end", "--guarantee", guarantee };
        if (mockBroker)
        {
            args.Add("--mock-broker");
        }
        using var app = TestAppProcess.Start([.. args]);
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(90));

        exit.Should().Be(0, app.Tail(30));
        var outputs = KafkaTestData.ReadAll(output, Deserializers.Utf8, Deserializers.Int64);
        outputs.Should().HaveCount(3_000);
        var finals = outputs.GroupBy(r => r.Message.Key).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Offset.Value).Select(r => r.Message.Value).ToList());
        finals.Should().HaveCount(37);
        foreach (var (key, counts) in finals)
        {
            var expected = records.Count(r => r.Item2 == key);
            counts.Should().Equal(Enumerable.Range(1, expected).Select(c => (long)c), $"key {key} counts 1..{expected} in order");
        }
        var ranges = KafkaTestData.ReadAll($"{appId}-checkpoints", Deserializers.Utf8, Deserializers.ByteArray)
            .SelectMany(r => TaskCheckpoint.Deserialize(r.Message.Value).Produced)
            .Where(r => r.Topic == output)
            .ToList();
        var tracked = mockBroker || guarantee == "at_least_once";
        if (tracked)
        {
            ranges.Sum(r => r.Last - r.First + 1).Should().Be(3_000, "tracked runs list every output offset");
        }
        else
        {
            ranges.Should().BeEmpty();
        }
    }
}
