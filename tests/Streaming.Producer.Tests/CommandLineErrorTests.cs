using TempDirectory = Streaming.TestSupport.TempDirectory;
using System.Diagnostics;
using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class CommandLineErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string[], string> FlagErrors => new()
    {
        { "no command", [], "Required command was not provided" },
        { "unknown flag", ["generate", "--trips", "10", "--bogus"], "--bogus" },
        { "not a number", ["generate", "--trips", "abc"], "'abc'" },
        { "negative count", ["generate", "--trips", "-5", "--out", "{dir}/x.jsonl"], "--trips -5 is out of range" },
        { "nothing to do", ["generate", "--out", "{dir}/x.jsonl"], "pass --trips N and/or --messages M" },
        { "rate too high", ["generate", "--trips", "10", "--dup-rate", "0.9", "--out", "{dir}/x.jsonl"], "--dup-rate 0.9 is out of range" },
        { "rates sum", ["generate", "--trips", "10", "--dup-rate", "0.5", "--late-rate", "0.5", "--out", "{dir}/x.jsonl"], "keep the sum at most 0.9" },
        { "bad date", ["generate", "--trips", "10", "--start", "01/09/2025", "--out", "{dir}/x.jsonl"], "pass YYYY-MM-DD" },
        { "zero days", ["generate", "--trips", "10", "--days", "0", "--out", "{dir}/x.jsonl"], "--days 0 is out of range" },
        { "negative rate", ["generate", "--trips", "10", "--rate", "-1", "--out", "{dir}/x.jsonl"], "--rate -1 is out of range" },
        { "bad topic", ["generate", "--trips", "10", "--trips-topic", "a b"], "not a valid Kafka topic name" },
        { "no bootstrap", ["generate", "--trips", "10"], "pass --bootstrap-servers or set STREAMING__KAFKA__BOOTSTRAPSERVERS (or KAFKA_BOOTSTRAP)" },
        { "no registry", ["generate", "--trips", "10", "--bootstrap-servers", "127.0.0.1:1"], "No Schema Registry URL is configured: pass --schema-registry http(s)://host:port or set STREAMING__SCHEMAREGISTRY__URL (or SCHEMA_REGISTRY_URL" },
        { "bad registry", ["generate", "--trips", "10", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry", "ftp://x"], "Schema Registry URL 'ftp://x' is not valid" },
        { "no vocabulary", ["generate", "--messages", "10", "--vocabulary", "{dir}/none.txt", "--out", "{dir}/x.jsonl"], "none.txt' does not exist" },
        { "bad timeout", ["generate", "--trips", "10", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry", "http://127.0.0.1:1", "--connect-timeout", "0"], "--connect-timeout 0 is out of range" },
        { "missing file flag", ["replay-file", "--topic", "trips"], "--file" },
        { "missing file", ["replay-file", "--topic", "trips", "--file", "{dir}/none.csv"], "none.csv' does not exist" },
        { "unknown schema", ["replay-file", "--topic", "stuff", "--file", "{dir}/rows.csv", "--out", "{dir}/x.jsonl"], "pass --schema trips or --schema messages" },
        { "unknown format", ["replay-file", "--topic", "trips", "--file", "{dir}/rows.txt", "--out", "{dir}/x.jsonl"], "pass --format jsonl or --format csv" },
        { "bad format", ["replay-file", "--topic", "trips", "--file", "{dir}/rows.csv", "--format", "xml"], "xml" },
    };

    [Theory]
    [MemberData(nameof(FlagErrors))]
    public async Task ShouldExitWithCodeTwoAndOneLineSayingWhatToFix(string name, string[] args, string expected)
    {
        File.WriteAllText(_dir.File("rows.csv"), "trip_id\n");
        File.WriteAllText(_dir.File("rows.txt"), "x\n");

        var result = await ProducerRunner.RunAsync(args.Select(a => a.Replace("{dir}", _dir.Path, StringComparison.Ordinal)).ToArray());

        result.ExitCode.Should().Be(2, name);
        result.ErrorLines.Should().ContainSingle(name).Which.Should().StartWith("producer: ").And.Contain(expected);
        result.Error.Should().NotContain(" at Streaming.").And.NotContain("Exception");
    }

    [Fact]
    public async Task ShouldPrintOneLineWithoutStackTraceFromTheBuiltExecutable()
    {
        var result = await ProducerRunner.RunProcessAsync(_dir.Path, "generate", "--trips", "10", "--late-rate", "7", "--out", "x.jsonl");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().Equal("producer: --late-rate 7 is out of range; pass a fraction from 0 to 0.5 (e.g. 0.02).");
    }

    [Theory]
    [InlineData(new[] { "--help" }, "generate")]
    [InlineData(new[] { "generate", "--help" }, "--late-rate")]
    [InlineData(new[] { "replay-file", "--help" }, "--strict")]
    public async Task ShouldShowHelpEverywhere(string[] args, string expected)
    {
        var result = await ProducerRunner.RunAsync(args);

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("Usage:").And.Contain(expected);
    }

    [Fact]
    public async Task ShouldGiveUpWithAClearMessageWhenKafkaIsUnreachable()
    {
        var clock = Stopwatch.StartNew();

        var result = await ProducerRunner.RunAsync(["generate", "--trips", "10", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry", DevStack.SchemaRegistryUrl, "--connect-timeout", "2"]);

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("Kafka at 127.0.0.1:1 did not answer within 2 s").And.Contain("--bootstrap-servers");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }
}
