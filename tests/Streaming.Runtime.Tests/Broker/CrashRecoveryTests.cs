using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.Runtime.Tests.Broker;

[Collection("broker")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShouldCountEveryKeyExactlyOnceAcrossRepeatedSigkills()
    {
        // 200k records, 2000 keys of 100 records each. Keys are 5 bytes and values 1 byte: about 4 MB of input over
        // the 4 auto-created partitions (~1 MB each), well inside the mock's ~5 MB per partition; the output
        // (~200k counts plus the rewritten tails of killed transactions) stays under ~2 MB per partition.
        const int keys = 2000;
        const int perKey = 100;
        var input = KafkaTestData.Unique("rt-crash-in");
        var outputTopic = KafkaTestData.Unique("rt-crash-out");
        var appId = KafkaTestData.Unique("rt-crash");
        KafkaTestData.EnsureTopic(input);
        var random = new Random(3);
        var records = Enumerable.Range(0, keys * perKey).Select(i => $"k{i % keys:D4}").OrderBy(_ => random.Next()).ToList();
        KafkaTestData.Produce(input, records.Select((k, i) => ((int?)null, k, "v", 1_750_000_000_000L + i)), Serializers.Utf8, Serializers.Utf8);

        var kills = 0;
        var restores = new List<string>();
        string[] Args(bool bounded) => ["--topology", "count", "--app-id", appId, "--input", input, "--output", outputTopic, "--mock-broker", "--session-timeout-ms", "3000", .. bounded ? new[] { "--until-end" } : []];
        while (kills < 6)
        {
            using var app = TestAppProcess.Start(Args(bounded: false));
            await app.WaitForLogAsync("partitions assigned", TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(2500, 6000));
            app.Kill();
            await app.WaitForExitAsync(TimeSpan.FromSeconds(10));
            kills++;
            restores.AddRange(app.Log.Split('\n').Where(l => l.Contains("Restoring → Completed", StringComparison.Ordinal)));
            output.WriteLine($"kill {kills}: {CommittedOutput.Read(appId, outputTopic).Records.Count} committed outputs so far");
        }
        using (var final = TestAppProcess.Start(Args(bounded: true)))
        {
            var exit = await final.WaitForExitAsync(TimeSpan.FromSeconds(120));
            exit.Should().Be(0, final.Tail(20));
            restores.AddRange(final.Log.Split('\n').Where(l => l.Contains("Restoring → Completed", StringComparison.Ordinal)));
        }

        var committed = CommittedOutput.Read(appId, outputTopic);
        output.WriteLine($"{committed.Records.Count} committed outputs, {committed.Uncommitted} records of killed transactions left visible by the mock");
        var byKey = committed.ByKey();
        byKey.Should().HaveCount(keys);
        foreach (var (key, counts) in byKey)
        {
            counts.Should().Equal(Enumerable.Range(1, perKey).Select(i => (long)i), $"key {key} must be counted once per record, in order");
        }
        kills.Should().BeGreaterThanOrEqualTo(5);
        restores.Count(l => !l.Contains("restored 0 records", StringComparison.Ordinal)).Should().BeGreaterThan(0, "restarts restore state from the changelogs");
    }
}
