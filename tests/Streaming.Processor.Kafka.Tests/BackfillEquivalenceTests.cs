using System.Text.RegularExpressions;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Processor.Kafka.Tests;

public sealed partial class BackfillEquivalenceTests
{
    private static readonly string[] s_outputs =
    [
        "trips.clean", "trips.city-hourly", "trips.rejected", "trips.late",
        "messages.flagged", "senders.strike-status", "messages.rejected", "messages.late",
    ];

    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ShouldGiveTheSameRecordsPerTopicAndPerKeyOrderAsTheBoundedLiveRun()
    {
        var prefix = "bf-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
        var processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");

        var generated = await DevStackChild.RunAsync(producer,
            ["generate", "--trips", "6000", "--messages", "3000", "--days", "2", "--seed", "99", "--dup-rate", "0.03", "--late-rate", "0.02", "--bad-rate", "0.02", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);

        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", prefix + "live"]);
        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", prefix + "backfill", "--output-suffix", "bf"]);
        var live = await DevStackChild.RunAsync(processor, ["run", "--until-end", "--topic-prefix", prefix, "--app-id", prefix + "live"], s_bound);
        live.ExitCode.Should().Be(0, live.Stderr);
        var backfill = await DevStackChild.RunAsync(processor,
            ["backfill", "--topic-prefix", prefix, "--app-id", prefix + "backfill", "--output-suffix", "bf"], s_bound);
        backfill.ExitCode.Should().Be(0, backfill.Stderr);
        WithoutThroughput(backfill.Stdout).Should().Be(WithoutThroughput(live.Stdout), "the run summaries (conservation, cities, strikers) are equal");
        backfill.Stdout.Should().MatchRegex(@"Throughput: 9243 input records in [0-9.]+ s from the first record");

        foreach (var output in s_outputs)
        {
            var liveRecords = Reader.ReadAll(prefix + output, s_bound);
            var backfillRecords = Reader.ReadAll(prefix + output + ".bf", s_bound);
            liveRecords.Should().NotBeEmpty($"the generated dirt reaches {output}");
            backfillRecords.Should().HaveCount(liveRecords.Count, output);
            PerKey(backfillRecords).Should().BeEquivalentTo(PerKey(liveRecords), o => o.WithStrictOrdering(), $"{output}: same values in the same order per key");
            backfillRecords.Select(r => (Key(r), r.Partition)).Distinct().Should().BeEquivalentTo(
                liveRecords.Select(r => (Key(r), r.Partition)).Distinct(), $"{output}: each key lands in the same partition");
        }
    }

    [Fact]
    public async Task ShouldStartATimestampBackfillAtTheFirstRecordAtOrAfterTheTimeOnABrokerWithoutOffsetsForTimes()
    {
        var prefix = "bft-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
        var processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");
        var generated = await DevStackChild.RunAsync(producer,
            ["generate", "--trips", "3000", "--messages", "500", "--start", "2025-09-01", "--days", "1", "--seed", "5", "--late-rate", "0", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);

        var from = DateTimeOffset.Parse("2025-09-01T12:00:00Z").ToUnixTimeMilliseconds();
        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", prefix + "bf", "--output-suffix", "backfill"]);
        var backfill = await DevStackChild.RunAsync(processor,
            ["backfill", "--topic-prefix", prefix, "--app-id", prefix + "bf", "--from-timestamp", "2025-09-01T12:00:00Z"], s_bound);
        backfill.ExitCode.Should().Be(0, backfill.Stderr);

        var ranges = RangeLine().Matches(backfill.Stderr).ToDictionary(
            m => (m.Groups["topic"].Value, int.Parse(m.Groups["partition"].Value)), m => (long.Parse(m.Groups["start"].Value), long.Parse(m.Groups["end"].Value)));
        ranges.Should().HaveCount(8, "4 partitions each of trips and messages");
        foreach (var topic in new[] { "trips", "messages" })
        {
            var records = Reader.ReadAll(prefix + topic, s_bound);
            foreach (var partition in records.GroupBy(r => r.Partition))
            {
                var byOffset = partition.OrderBy(r => r.Offset).ToList();
                var (start, end) = ranges[(prefix + topic, partition.Key)];
                end.Should().Be(byOffset[^1].Offset + 1);
                // The located start is a boundary: the record there is at or after the time, the one before it is not.
                byOffset.Single(r => r.Offset == start).Timestamp.Should().BeGreaterThanOrEqualTo(from);
                byOffset.Single(r => r.Offset == start - 1).Timestamp.Should().BeLessThan(from);
            }
        }
        var summary = backfill.Stdout;
        summary.Should().Contain(prefix + "trips");
    }

    private static TopicReader Reader => new(DevStack.KafkaBootstrap);

    private static string Key(TopicRecord entry) => entry.Key is null ? "<null>" : Convert.ToHexString(entry.Key);

    private static Dictionary<string, List<string>> PerKey(IEnumerable<TopicRecord> records) =>
        records.GroupBy(Key).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Offset).Select(r => r.Value is null ? "<null>" : Convert.ToHexString(r.Value)).ToList());

    [GeneratedRegex(@"(?<topic>[\w.\-]+)-(?<partition>\d+) \[(?<start>\d+), (?<end>\d+)\)")]
    private static partial Regex RangeLine();

    // The throughput line is wall time, the one part of the summary two equal runs do not share.
    private static string WithoutThroughput(string stdout) =>
        string.Join('\n', stdout.Split('\n').Where(line => !line.StartsWith("Throughput:", StringComparison.Ordinal)));
}
