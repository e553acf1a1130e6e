using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Producer.Tests;

/// <summary>Delivery failures and client settings against the dev Kafka.</summary>
public sealed class KafkaDeliveryTests
{
    private readonly string _prefix = "ptest-" + Guid.NewGuid().ToString("N")[..12] + ".";

    [Fact]
    public async Task ShouldCountDeliveryErrorsAndExitNonZeroWhenRecordsCannotBeDelivered()
    {
        // A 1 ms message timeout expires records in the client's queue: delivery reports come back as errors.
        // One record per batch keeps records queued behind in-flight requests: librdkafka 2.16 scans for timeouts once
        // a second, and with full batches it can deliver all 3,000 records to the mock before the first scan.
        var environment = new Dictionary<string, string?>
        {
            ["KAFKA_BOOTSTRAP"] = DevStack.KafkaBootstrap,
            ["SCHEMA_REGISTRY_URL"] = DevStack.SchemaRegistryUrl,
            ["STREAMING__KAFKA__PROPERTIES__message.timeout.ms"] = "1",
            ["STREAMING__KAFKA__PROPERTIES__linger.ms"] = "0",
            ["STREAMING__KAFKA__PROPERTIES__batch.num.messages"] = "1",
        };

        var result = await ProducerRunner.RunAsync(["generate", "--trips", "3000", "--seed", "4", "--topic-prefix", _prefix], environment);

        result.ExitCode.Should().Be(1);
        var line = result.ErrorLines.Should().ContainSingle().Subject;
        line.Should().Contain("Message timed out");
        var failed = long.Parse(Regex.Match(line, @"producer: (\d+) records failed").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var delivered = SummaryTableParser.Parse(result.Output)[("total", "total")];
        var generated = long.Parse(Regex.Match(result.Output, @"generated (\d+) records").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        failed.Should().BePositive();
        (failed + delivered).Should().Be(generated, "every record is either confirmed or counted as failed");
    }

    [Fact]
    public async Task ShouldReportAKafkaPropertyTheClientRejectsAsAUsageError()
    {
        var environment = new Dictionary<string, string?>
        {
            ["KAFKA_BOOTSTRAP"] = DevStack.KafkaBootstrap,
            ["SCHEMA_REGISTRY_URL"] = DevStack.SchemaRegistryUrl,
            ["STREAMING__KAFKA__PROPERTIES__no.such.property"] = "1",
        };

        var result = await ProducerRunner.RunAsync(["generate", "--trips", "10", "--topic-prefix", _prefix], environment);

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("no.such.property").And.Contain("STREAMING__KAFKA__PROPERTIES__");
    }

    [Fact]
    public async Task ShouldLimitTheSendRateWhenRateIsGiven()
    {
        using var dir = new TempDirectory("producer-tests");
        var clock = Stopwatch.StartNew();

        // 500 records at 1000/s: the bucket holds 100 tokens at most, so sending takes at least 0.4 s.
        var result = await ProducerRunner.RunAsync(["generate", "--trips", "500", "--bad-rate", "0", "--dup-rate", "0", "--late-rate", "0", "--rate", "1000", "--out", dir.File("r.jsonl")]);

        result.ExitCode.Should().Be(0, result.Error);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(0.39));
        File.ReadAllLines(dir.File("r.jsonl")).Should().HaveCount(500);
    }
}
