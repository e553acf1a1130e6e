using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.Runtime.Tests.Broker;

[Collection("broker")]
public sealed class RebalanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShouldMoveTasksBetweenInstancesWithExactOutputs()
    {
        const int keys = 500;
        const int firstBatch = 60;
        const int secondBatch = 40;
        var input = KafkaTestData.Unique("rt-rebal-in");
        var outputTopic = KafkaTestData.Unique("rt-rebal-out");
        var appId = KafkaTestData.Unique("rt-rebal");
        KafkaTestData.EnsureTopic(input);
        IEnumerable<(int?, string, string, long)> Batch(int rounds, int offset) =>
            Enumerable.Range(0, keys * rounds).Select(i => ((int?)null, $"k{i % keys:D3}", "v", 1_750_000_000_000L + offset + i));
        KafkaTestData.Produce(input, Batch(firstBatch, 0), Serializers.Utf8, Serializers.Utf8);
        string[] Args(string instance) => ["--topology", "count", "--app-id", appId, "--input", input, "--output", outputTopic, "--instance", instance, "--session-timeout-ms", "6000"];

        using var a = TestAppProcess.Start(Args("A"));
        await a.WaitForLogAsync("task [0_3] created", TimeSpan.FromSeconds(60));
        await Task.Delay(1500);
        using var b = TestAppProcess.Start(Args("B"));
        await b.WaitForLogAsync("created on this member", TimeSpan.FromSeconds(60));
        KafkaTestData.Produce(input, Batch(secondBatch, 1_000_000), Serializers.Utf8, Serializers.Utf8);
        await Task.Delay(1500);
        a.Terminate();
        (await a.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, a.Tail(20));
        // B takes over every task A released (it may already hold some from when it joined).
        for (var p = 0; p < 4; p++)
        {
            await b.WaitForLogAsync($"task [0_{p}] created on this member", TimeSpan.FromSeconds(60));
        }

        var expected = firstBatch + secondBatch;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        Dictionary<string, List<long>> byKey;
        while (true)
        {
            byKey = KafkaTestData.ReadAll(outputTopic, Deserializers.Utf8, Deserializers.Int64)
                .GroupBy(r => r.Message.Key).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Offset.Value).Select(r => r.Message.Value).ToList());
            if (byKey.Count == keys && byKey.Values.All(v => v.Count >= expected) || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(500);
        }
        b.Terminate();
        (await b.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, b.Tail(20));

        byKey.Should().HaveCount(keys);
        foreach (var (key, counts) in byKey)
        {
            counts.Should().Equal(Enumerable.Range(1, expected).Select(i => (long)i), $"key {key} must be counted once per record across the task moves");
        }
        var moves = a.Log.Split('\n').Where(l => l.Contains("closed and released", StringComparison.Ordinal) || l.Contains("created on this member", StringComparison.Ordinal)).ToList();
        var bMoves = b.Log.Split('\n').Where(l => l.Contains("created on this member", StringComparison.Ordinal) || l.Contains("resumed on this member", StringComparison.Ordinal)).ToList();
        output.WriteLine("A:\n" + string.Join('\n', moves) + "\nB:\n" + string.Join('\n', bMoves));
        a.Log.Should().Contain("closed and released by this member");
        for (var p = 0; p < 4; p++)
        {
            a.Log.Should().Contain($"task [0_{p}] created on this member (instance A)");
            b.Log.Should().Contain($"task [0_{p}] created on this member (instance B)");
        }
        b.Log.Should().MatchRegex(@"restored [1-9]\d* records", "B restores the state A built for the moved tasks");
    }
}
