using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Sinks.Postgres;
using Xunit;

namespace Streaming.PostgresSink.Tests;

/// <summary>The sink against the real dev Kafka and dev Postgres: rows, upserts, migrations.</summary>
public sealed class PostgresSinkTests
{
    [Fact]
    public async Task ShouldWriteOneRowPerRecordWithTheRecordsValuesAndStoreEndOffsets()
    {
        await using var schema = await TestSchema.CreateAsync("rows");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var hourly = await writer.ProduceAsync(topics.CityHourly, TestData.CityHourly(240, seed: 1), c => $"{c.City}|{c.WindowStart}");
        var flagged = await writer.ProduceAsync(topics.Flagged, TestData.Flagged(310, seed: 2), m => m.SenderId);
        var strikes = await writer.ProduceAsync(topics.StrikeStatus, TestData.Strikes(150, senders: 40, seed: 3), s => s.SenderId);

        var (code, summary) = await InProcessSink.RunUntilEndAsync(schema, topics.All, "rows", batchSize: 64);

        code.Should().Be(0);
        summary.Should().StartWith("sinks postgres: records=700 rows=700 files=0 bytes=").And.Contain("rejected=0");
        (await TableReader.CityHourlyAsync(schema)).Should().BeEquivalentTo(TestData.ExpectedCityHourly(hourly));
        (await TableReader.FlaggedAsync(schema)).Should().BeEquivalentTo(TestData.ExpectedFlagged(flagged));
        var expectedStrikes = TestData.ExpectedStrikes(strikes);
        expectedStrikes.Should().HaveCount(40);
        (await TableReader.StrikesAsync(schema)).Should().BeEquivalentTo(expectedStrikes);
        (await TableReader.SinkOffsetsAsync(schema, "rows")).Should().BeEquivalentTo(
            TopicWriter.EndOffsets(topics.All).Where(kv => kv.Value > 0).ToDictionary());
    }

    [Fact]
    public async Task ShouldKeepTheLatestStrikeStatusWhenAnOlderOneArrivesLater()
    {
        await using var schema = await TestSchema.CreateAsync("strike");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        StrikeStatus Status(int strikes, long asOf) => new("emp-007", strikes, strikes, Math.Pow(0.9, strikes), SenderStatus.Active, asOf + 1000, asOf);

        await writer.ProduceAsync(topics.StrikeStatus, [Status(3, 3_000)], s => s.SenderId);
        (await InProcessSink.RunUntilEndAsync(schema, [topics.StrikeStatus], "strike")).ExitCode.Should().Be(0);
        // A replayed, older status arrives in a later batch, then a same-batch pair where the older one comes last.
        await writer.ProduceAsync(topics.StrikeStatus, [Status(1, 1_000)], s => s.SenderId);
        (await InProcessSink.RunUntilEndAsync(schema, [topics.StrikeStatus], "strike")).ExitCode.Should().Be(0);
        var afterReplay = await TableReader.StrikesAsync(schema);
        await writer.ProduceAsync(topics.StrikeStatus, [Status(5, 5_000), Status(2, 2_000)], s => s.SenderId);
        (await InProcessSink.RunUntilEndAsync(schema, [topics.StrikeStatus], "strike")).ExitCode.Should().Be(0);

        afterReplay.Should().BeEquivalentTo(new Dictionary<string, StrikeStatus> { ["emp-007"] = Status(3, 3_000) });
        (await TableReader.StrikesAsync(schema)).Should().BeEquivalentTo(new Dictionary<string, StrikeStatus> { ["emp-007"] = Status(5, 5_000) });
    }

    [Fact]
    public async Task ShouldApplyMigrationsOnceWhenStartedTwiceAndConcurrently()
    {
        await using var schema = await TestSchema.CreateAsync("migrate");
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(schema.ConnectionString);
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(dataSource, logger).MigrateAsync()));
        var again = await new SchemaMigrator(dataSource, logger).MigrateAsync();

        concurrent.SelectMany(v => v).Should().Equal(Migrations.All.Select(m => m.Version));
        again.Should().BeEmpty();
        (await schema.ScalarAsync("SELECT count(*) FROM schema_migrations")).Should().Be(Migrations.All.Count);
        (await schema.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema.Name}'")).Should().Be(5);
    }
}
