using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.PostgresSink.Tests;

/// <summary>Runs alone: it restarts the shared dev Postgres under every other client.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresRestartCollection
{
    public const string Name = "dev postgres restart";
}

/// <summary>Restart the dev Postgres while the sink writes: it retries, finishes, and nothing is lost or doubled.</summary>
[Collection(PostgresRestartCollection.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShouldRetryAndWriteEverythingExactlyOnceWhenPostgresRestartsMidRun()
    {
        var data = await ResultSet.ProduceAsync(hourly: 1500, flagged: 3000, strikes: 2000, seed: 23);
        await using var schema = await TestSchema.CreateAsync("restart");
        // Small batches keep the sink writing for several seconds: with librdkafka 2.16 and batches of 25 it sometimes
        // finished between the progress check and the moment pg_ctl stopped the server, so no retry was seen.
        using var sink = SinkProcess.Start(schema, data.Topics.All, "restart", batchSize: 5);

        var until = DateTime.UtcNow.AddSeconds(30);
        long progress = 0;
        while (progress == 0 && DateTime.UtcNow < until && !sink.HasExited)
        {
            await Task.Delay(20);
            try
            {
                progress = await schema.ScalarAsync("SELECT coalesce(sum(next_offset), 0) FROM sink_offsets");
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == "42P01")
            {
                // Tables not migrated yet.
            }
        }
        progress.Should().BeGreaterThan(0, "the sink must have committed a batch before the restart");
        sink.HasExited.Should().BeFalse("the restart must happen mid-run");

        await DevPostgres.RestartAsync(TimeSpan.FromSeconds(60));
        var code = await sink.WaitForExitAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"progress before restart {progress} of {data.Count}; {sink.Stdout.Trim()}");

        code.Should().Be(0, sink.Stderr);
        sink.Stderr.Should().Contain("transient failure, retry");
        sink.Stdout.Should().StartWith($"sinks postgres: records={data.Count} rows={data.Count} ");
        await data.AssertWrittenExactlyAsync(schema, "restart");
    }
}
