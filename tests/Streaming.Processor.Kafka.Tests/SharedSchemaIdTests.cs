using System.Buffers.Binary;
using FluentAssertions;
using Npgsql;
using Streaming.Contracts;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>
/// The three executables, each its own process with its own registry client, agree on schema ids through the dev
/// registry: the processor writes TripEvents under the id the producer registered, and the sink reads what the processor wrote.
/// </summary>
public sealed class SharedSchemaIdTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ShouldWriteAndReadTheSameSchemaIdsAcrossProducerProcessorAndSink()
    {
        var prefix = "si-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var appId = prefix + "app";
        var producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
        var processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");
        var sinks = ChildProcess.BuiltDll("sinks/Streaming.Sinks", "sinks.dll");
        var generated = await DevStackChild.RunAsync(producer,
            ["generate", "--trips", "300", "--messages", "80", "--days", "1", "--bad-rate", "0", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);
        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", appId]);
        var run = await DevStackChild.RunAsync(processor,
            ["run", "--until-end", "--guarantee", "at_least_once", "--topic-prefix", prefix, "--app-id", appId], s_bound);
        run.ExitCode.Should().Be(0, run.Stderr);

        var reader = new TopicReader(DevStack.KafkaBootstrap);
        var producerIds = SchemaIds(reader, prefix + Topics.Trips);
        var processorIds = SchemaIds(reader, prefix + Topics.TripsClean);
        producerIds.Should().ContainSingle("one schema, one id");
        processorIds.Should().Equal(producerIds, "the processor's client found the producer's id for the same schema");

        var hourly = reader.ReadAll(prefix + Topics.TripsCityHourly, s_bound);
        hourly.Should().NotBeEmpty();
        var schema = "si_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        try
        {
            var sink = await DevStackChild.RunAsync(sinks,
                ["postgres", "--until-end", "--topics", prefix + Topics.TripsCityHourly, "--group-id", appId,
                 "--pg-connection", new NpgsqlConnectionStringBuilder(DevStack.PgConnection) { SearchPath = schema }.ConnectionString],
                s_bound);
            sink.ExitCode.Should().Be(0, sink.Stderr);
            sink.Stdout.Should().Contain($"records={hourly.Count} rows={hourly.Count} ").And.Contain("rejected=0");
        }
        finally
        {
            await ExecuteAsync($"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(DevStack.PgConnection);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static List<int> SchemaIds(TopicReader reader, string topic) =>
        reader.ReadAll(topic, s_bound).Select(r => BinaryPrimitives.ReadInt32BigEndian(r.Value.AsSpan(1, 4))).Distinct().ToList();
}
