using Confluent.Kafka;
using FluentAssertions;
using Streaming.Contracts;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>
/// A Schema Registry that is down is an outage, not bad data: the processor and the sinks retry, then fail with one
/// line naming the URL (no stack trace, nothing rejected), and exit non-zero.
/// </summary>
public sealed class RegistryOutageTests
{
    private const string DownUrl = "http://127.0.0.1:9"; // the discard port: nothing listens
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);
    private static readonly Dictionary<string, string> s_registryDown = new() { ["SCHEMA_REGISTRY_URL"] = DownUrl };

    [Fact]
    public async Task ShouldFailTheProcessorWithOneLineNamingTheUrl()
    {
        var prefix = "ro-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var appId = prefix + "app";
        var producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
        var processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");
        var generated = await DevStackChild.RunAsync(producer,
            ["generate", "--trips", "200", "--messages", "50", "--days", "1", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);
        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", appId]);

        var run = await DevStackChild.RunAsync(processor,
            ["run", "--until-end", "--guarantee", "at_least_once", "--topic-prefix", prefix, "--app-id", appId], s_bound, s_registryDown);

        ShouldHaveFailedOnOneLine(run, "processor: ");
        var reader = new TopicReader(DevStack.KafkaBootstrap);
        reader.HighWatermarks(prefix + Topics.TripsRejected).Sum().Should().Be(0, "an outage rejects nothing");
    }

    [Fact]
    public async Task ShouldFailThePostgresSinkWithOneLineNamingTheUrl()
    {
        var topic = "messages.flagged.ro" + Guid.NewGuid().ToString("N")[..10];
        var sinks = ChildProcess.BuiltDll("sinks/Streaming.Sinks", "sinks.dll");
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = DevStack.KafkaBootstrap }).Build())
        {
            // A well-formed header: the sink must ask the registry for id 1 to read it.
            await producer.ProduceAsync(topic, new Message<byte[], byte[]> { Key = "k"u8.ToArray(), Value = [0, 0, 0, 0, 1, 2, 0x61] });
        }

        var run = await DevStackChild.RunAsync(sinks,
            ["postgres", "--until-end", "--topics", topic, "--group-id", topic, "--sink-name", topic],
            s_bound, new Dictionary<string, string>(s_registryDown) { ["PG_CONNECTION"] = DevStack.PgConnection });

        ShouldHaveFailedOnOneLine(run, "sinks postgres: ");
    }

    private static void ShouldHaveFailedOnOneLine(ChildProcessResult run, string executable)
    {
        run.ExitCode.Should().NotBe(0, run.Stderr);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[^1].Should().StartWith($"{executable}Schema Registry at {DownUrl} is unreachable", run.Stderr);
        run.Stderr.Should().NotContain("   at ", "no stack trace reaches the user");
    }
}
