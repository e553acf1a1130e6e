using TempDirectory = Streaming.TestSupport.TempDirectory;
using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class DirtTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private const long AllowedLatenessMs = 10 * 60_000;
    private const long HorizonMs = (24 * 3_600_000) + AllowedLatenessMs;

    [Theory]
    [InlineData("trips", GeneratedDataFixture.Trips)]
    [InlineData("messages", GeneratedDataFixture.Messages)]
    public void ShouldMixInDirtAtTheDefaultRates(string topic, int generated)
    {
        var lines = data.Lines.Where(l => l.Topic == topic).ToList();
        double Rate(string kind) => (double)lines.Count(l => l.Kind == kind) / generated;

        // Defaults: 2% duplicates, 1% late, 1% bad. Late is a little lower: events in the last hours of the span
        // cannot be sent late inside it. Tolerances are about 3 standard deviations for 20 000 messages.
        Rate("duplicate").Should().BeInRange(0.016, 0.024);
        Rate("late").Should().BeInRange(0.0065, 0.0125);
        Rate("bad").Should().BeInRange(0.0075, 0.0125);
    }

    [Fact]
    public async Task ShouldMixInDirtAtGivenRatesAndNoneWhenTheRatesAreZero()
    {
        using var dir = new TempDirectory("producer-tests");
        var dirty = await ProducerRunner.RunAsync(["generate", "--trips", "20000", "--seed", "5", "--dup-rate", "0.1", "--late-rate", "0.05", "--bad-rate", "0.05", "--out", dir.File("d.jsonl")]);
        var clean = await ProducerRunner.RunAsync(["generate", "--trips", "3000", "--messages", "1000", "--seed", "5", "--dup-rate", "0", "--late-rate", "0", "--bad-rate", "0", "--out", dir.File("c.jsonl")]);

        dirty.ExitCode.Should().Be(0, dirty.Error);
        var lines = EnvelopeLine.ReadAll(dir.File("d.jsonl"));
        double Rate(string kind) => lines.Count(l => l.Kind == kind) / 20000.0;
        Rate("duplicate").Should().BeInRange(0.09, 0.11);
        Rate("late").Should().BeInRange(0.04, 0.055);
        Rate("bad").Should().BeInRange(0.045, 0.055);

        clean.ExitCode.Should().Be(0, clean.Error);
        var cleanLines = EnvelopeLine.ReadAll(dir.File("c.jsonl"));
        cleanLines.Should().HaveCount(4000).And.OnlyContain(l => l.Kind == "clean");
    }

    [Fact]
    public void ShouldResendDuplicatesUnchangedAfterTheirCleanOriginal()
    {
        var firstSeen = new Dictionary<string, EnvelopeLine>();
        var duplicates = 0;
        foreach (var line in data.Lines.Where(l => l.Value is not null))
        {
            var id = line.Topic + "/" + line.Id;
            if (line.Kind == "duplicate")
            {
                firstSeen.Should().ContainKey(id, $"line {line.Number} duplicates an earlier event");
                var original = firstSeen[id];
                original.Kind.Should().Be("clean");
                line.Key.Should().Be(original.Key);
                line.ValueJson.Should().Be(original.ValueJson);
                duplicates++;
            }
            else
            {
                firstSeen.TryAdd(id, line);
            }
        }
        duplicates.Should().BeGreaterThan(2000);
    }

    [Fact]
    public void ShouldSendLateEventsBeyondTheAllowedLatenessAndSomeBeyondTheDedupHorizon()
    {
        var beyondHorizon = 0;
        var windowLate = 0;
        foreach (var topic in new[] { "trips", "messages" })
        {
            var latest = long.MinValue;
            foreach (var line in data.Lines.Where(l => l.Topic == topic && l.Kind != "bad"))
            {
                if (line.Kind == "late")
                {
                    var behind = latest - line.EventTime;
                    line.BehindMs.Should().Be(behind, $"line {line.Number} reports how far it is behind");
                    behind.Should().BeGreaterThan(AllowedLatenessMs);
                    if (behind > HorizonMs)
                    {
                        beyondHorizon++;
                    }
                    else
                    {
                        behind.Should().BeLessThanOrEqualTo(3 * 3_600_000 + 5 * 60_000);
                        windowLate++;
                    }
                }
                latest = Math.Max(latest, line.EventTime);
            }
        }
        beyondHorizon.Should().BeGreaterThan(40, "about one late event in ten is past the 24 h dedup retention");
        windowLate.Should().BeGreaterThan(8 * beyondHorizon / 2);
    }

    [Fact]
    public void ShouldMakeBadRecordsThatFailForTheirStatedReason()
    {
        var trips = Streaming.TestSupport.DevRegistry.Serdes.TripEvent;
        var reasons = new Dictionary<(string, string), int>();
        var latestValid = new Dictionary<string, long> { ["trips"] = long.MinValue, ["messages"] = long.MinValue };
        foreach (var line in data.Lines)
        {
            if (line.Kind != "bad")
            {
                latestValid[line.Topic] = Math.Max(latestValid[line.Topic], line.EventTime);
                continue;
            }
            reasons[(line.Topic, line.Reason!)] = reasons.GetValueOrDefault((line.Topic, line.Reason!)) + 1;
            switch (line.Reason)
            {
                case "undecodable" or "unknown_schema":
                    line.RawValue.Should().NotBeNull();
                    var decode = () => trips.Deserialize(line.RawValue);
                    decode.Should().Throw<RecordDecodeException>().Which.ReasonCode.Should().Be(line.Reason);
                    break;
                case "missing_field":
                    var blank = line.Topic == "trips" ? new[] { "city" } : new[] { "text", "receiver_id" };
                    blank.Should().Contain(f => line.Field(f).Length == 0, $"line {line.Number}");
                    break;
                case "negative_duration":
                    line.Value!.Value.GetProperty("dropoff_ts").GetInt64().Should().BeLessThan(line.EventTime);
                    break;
                case "negative_fare":
                    line.Value!.Value.GetProperty("fare").GetDouble().Should().BeNegative();
                    break;
                case "future_timestamp":
                    (line.EventTime - latestValid[line.Topic]).Should().BeGreaterThan(6 * 86_400_000L, $"line {line.Number} is a week ahead");
                    break;
                default:
                    throw new InvalidOperationException($"line {line.Number} has unexpected reason '{line.Reason}'");
            }
        }

        reasons.Keys.Where(k => k.Item1 == "trips").Select(k => k.Item2).Should().BeEquivalentTo(
            "undecodable", "unknown_schema", "missing_field", "negative_duration", "negative_fare", "future_timestamp");
        reasons.Keys.Where(k => k.Item1 == "messages").Select(k => k.Item2).Should().BeEquivalentTo(
            "undecodable", "unknown_schema", "missing_field", "future_timestamp");
    }
}
