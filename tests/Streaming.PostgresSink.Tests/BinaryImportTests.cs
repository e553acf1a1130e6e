using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.PostgresSink.Tests;

/// <summary>
/// The sink writes decoded records with Npgsql's binary import; these tests hold the rows it stores through the
/// delivery loop to the values the contract decoder reads, and to the rows of records appended to the sink directly.
/// </summary>
public sealed class BinaryImportTests
{
    [Fact]
    public async Task ShouldStoreEdgeValuesFromKafkaExactlyAsFromRecordsAppendedDirectly()
    {
        await using var fromKafka = await TestSchema.CreateAsync("rawedge");
        await using var fromObjects = await TestSchema.CreateAsync("objedge");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var hourly = await writer.ProduceAsync(topics.CityHourly, EdgeValues.CityHourly(), c => c.City);
        var flagged = await writer.ProduceAsync(topics.Flagged, EdgeValues.Flagged(), m => m.SenderId);
        var strikes = await writer.ProduceAsync(topics.StrikeStatus, EdgeValues.Strikes(), s => s.SenderId);

        var (code, summary) = await InProcessSink.RunUntilEndAsync(fromKafka, topics.All, "rawedge");
        await WriteDecodedAsync(fromObjects, [.. hourly.Select(Record), .. flagged.Select(Record), .. strikes.Select(Record)]);

        code.Should().Be(0);
        summary.Should().Contain("records=11 rows=11 ").And.Contain("rejected=0");
        var expectedHourly = TestData.ExpectedCityHourly(hourly);
        var expectedFlagged = TestData.ExpectedFlagged(flagged);
        var expectedStrikes = TestData.ExpectedStrikes(strikes);
        (await TableReader.CityHourlyAsync(fromKafka)).Should().BeEquivalentTo(expectedHourly);
        (await TableReader.FlaggedAsync(fromKafka)).Should().BeEquivalentTo(expectedFlagged);
        (await TableReader.StrikesAsync(fromKafka)).Should().BeEquivalentTo(expectedStrikes);
        (await TableReader.CityHourlyAsync(fromObjects)).Should().BeEquivalentTo(expectedHourly);
        (await TableReader.FlaggedAsync(fromObjects)).Should().BeEquivalentTo(expectedFlagged);
        (await TableReader.StrikesAsync(fromObjects)).Should().BeEquivalentTo(expectedStrikes);
        // Byte-for-byte: the server's own text rendering of both tables is the same.
        (await DumpAsync(fromKafka)).Should().Equal(await DumpAsync(fromObjects)).And.HaveCount(11);
        (await fromKafka.ScalarAsync("SELECT count(*) FROM trip_city_hourly WHERE fare_max::text = '-0' AND fare_avg::text = '5e-324'")).Should().Be(1);
        (await fromKafka.ScalarAsync("SELECT count(*) FROM flagged_messages WHERE matched_words = '{}'::text[] AND cardinality(matched_words) = 0")).Should().Be(1);
        // Year 1 is a real instant, not -infinity, and the last millisecond of 9999 survives to the millisecond.
        (await fromKafka.ScalarAsync("SELECT count(*) FROM flagged_messages WHERE sent_at = '0001-01-01 00:00:00+00' AND isfinite(sent_at)")).Should().Be(1);
        (await fromKafka.ScalarAsync("SELECT count(*) FROM flagged_messages WHERE sent_at = '9999-12-31 23:59:59.999+00'")).Should().Be(1);
    }

    [Fact]
    public async Task ShouldRejectInvalidUtf8TextAsUndecodableAndWriteTheRest()
    {
        await using var schema = await TestSchema.CreateAsync("rawutf8");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var serde = DevRegistry.Serdes.FlaggedMessage;
        var first = new FlaggedMessage("utf8-1", "emp-1", "emp-2", "fine", 1_000, ["hate"]);
        var framed = serde.Serialize(new FlaggedMessage("utf8-2", "emp-1", "emp-2", "ABCDEF", 2_000, ["kill"]), topics.Flagged);
        var at = framed.AsSpan().IndexOf("ABCDEF"u8);
        byte[] invalid = [0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x41];
        invalid.CopyTo(framed, at);
        var before = RejectedTopicReader.Snapshot();

        await writer.ProduceRawAsync(topics.Flagged, Encoding.UTF8.GetBytes("emp-1"), serde.Serialize(first, topics.Flagged));
        var bad = await writer.ProduceRawAsync(topics.Flagged, Encoding.UTF8.GetBytes("emp-1"), framed);
        var (code, summary) = await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "rawutf8");

        // Apache.Avro alone would store U+FFFD in place of the bytes; a silent substitution is a lost value.
        code.Should().Be(0);
        summary.Should().Contain("records=2 rows=1 ").And.Contain("rejected=1");
        (await TableReader.FlaggedAsync(schema)).Keys.Should().BeEquivalentTo("utf8-1");
        var rejected = RejectedTopicReader.ReadSince(before, topics.Flagged).Should().ContainSingle().Subject.Value;
        rejected.Reason.Should().Be(RejectReasons.Undecodable);
        rejected.SourceOffset.Should().Be(bad.Offset);
        rejected.Detail.Should().Contain("not valid UTF-8");
        rejected.RawValue.Should().Equal(framed);
    }

    [Fact]
    public async Task ShouldRejectATimestampOutsideTheColumnRangeNamingTheFieldAndWriteTheRest()
    {
        await using var schema = await TestSchema.CreateAsync("rawts");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var good = new FlaggedMessage("ts-good", "emp-1", "emp-2", "ok", 5_000, ["hate"]);
        var late = new FlaggedMessage("ts-far", "emp-1", "emp-2", "far future", EdgeValues.MaxMillis + 1, ["kill"]);
        var before = RejectedTopicReader.Snapshot();

        var produced = await writer.ProduceAsync(topics.Flagged, [good, late, good with { MessageId = "ts-good-2" }], m => m.SenderId);
        var (code, summary) = await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "rawts");

        code.Should().Be(0);
        summary.Should().Contain("records=3 rows=2 ").And.Contain("rejected=1");
        (await TableReader.FlaggedAsync(schema)).Keys.Should().BeEquivalentTo("ts-good", "ts-good-2");
        var rejected = RejectedTopicReader.ReadSince(before, topics.Flagged).Should().ContainSingle().Subject.Value;
        rejected.Reason.Should().Be(RejectReasons.Undecodable);
        rejected.SourceOffset.Should().Be(produced[1].Offset);
        rejected.Detail.Should().Contain("FlaggedMessage.sent_at").And.Contain((EdgeValues.MaxMillis + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ShouldMergeWhenTheDirectCopyMeetsKeysAlreadyStored()
    {
        await using var schema = await TestSchema.CreateAsync("rawmerge");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var original = TestData.Flagged(40, seed: 7);
        await writer.ProduceAsync(topics.Flagged, original, m => m.SenderId);
        (await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "merge1")).ExitCode.Should().Be(0);

        // A second sink name starts from the beginning: every key of its first batch is stored already, so the direct
        // COPY meets a unique violation and the batch merges; the updated texts, produced after, win.
        var updated = original.Select(m => m with { Text = m.Text + " (edited)" }).ToList();
        await writer.ProduceAsync(topics.Flagged, updated, m => m.SenderId);
        var (code, summary) = await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "merge2", batchSize: 500);
        var fresh = TestData.Flagged(30, seed: 8, idPrefix: "n");
        await writer.ProduceAsync(topics.Flagged, fresh, m => m.SenderId);
        (await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "merge2")).ExitCode.Should().Be(0);

        code.Should().Be(0);
        summary.Should().Contain("records=80 rows=80 ");
        (await TableReader.FlaggedAsync(schema)).Should().BeEquivalentTo(updated.Concat(fresh).ToDictionary(m => m.MessageId));
    }

    [Fact]
    public async Task ShouldWriteEveryRowAndItsOffsetsWhenRecordsArriveThroughTheDeliveryLoop()
    {
        await using var schema = await TestSchema.CreateAsync("confluent");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var flagged = await writer.ProduceAsync(topics.Flagged, TestData.Flagged(120, seed: 9), m => m.SenderId);
        var strikes = await writer.ProduceAsync(topics.StrikeStatus, TestData.Strikes(90, senders: 12, seed: 10), s => s.SenderId);
        await using var dataSource = NpgsqlDataSource.Create(schema.ConnectionString);
        await new SchemaMigrator(dataSource, NullLogger.Instance).MigrateAsync();
        var kafka = new KafkaSettings { BootstrapServers = DevStack.KafkaBootstrap };
        var serdes = DevRegistry.Serdes;
        using var rejected = new RejectedPublisher(KafkaClientConfigFactory.CreateProducerConfig(kafka), NullLogger.Instance, serde: serdes.Rejected);
        var loop = new DeliveryLoop(
            new DeliveryOptions { Topics = [topics.Flagged, topics.StrikeStatus], GroupId = "test-confluent", SinkName = "confluent", UntilEnd = true },
            KafkaClientConfigFactory.CreateConsumerConfig(kafka, "test-confluent"),
            new Streaming.Sinks.Postgres.PostgresSink(dataSource, new PostgresSinkSettings { BatchSize = 50, SinkName = "confluent" }, NullLogger.Instance),
            new RecordDecoder(serdes),
            rejected,
            NullLogger.Instance);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await loop.RunAsync(timeout.Token);

        loop.Summary.Records.Should().Be(210);
        loop.Summary.Rows.Should().Be(210);
        (await TableReader.FlaggedAsync(schema)).Should().BeEquivalentTo(TestData.ExpectedFlagged(flagged));
        (await TableReader.StrikesAsync(schema)).Should().BeEquivalentTo(TestData.ExpectedStrikes(strikes));
        (await TableReader.SinkOffsetsAsync(schema, "confluent")).Should().BeEquivalentTo(
            TopicWriter.EndOffsets([topics.Flagged, topics.StrikeStatus]).Where(kv => kv.Value > 0).ToDictionary());
    }

    private static SinkRecord Record<T>(ProducedRecord<T> produced)
        where T : class =>
        new(produced.Topic, produced.Partition, produced.Offset, 0, null, [0, 0, 0, 0, 1], produced.Value);

    private static async Task WriteDecodedAsync(TestSchema schema, IEnumerable<SinkRecord> records)
    {
        await using var dataSource = NpgsqlDataSource.Create(schema.ConnectionString);
        await new SchemaMigrator(dataSource, NullLogger.Instance).MigrateAsync();
        var sink = new Streaming.Sinks.Postgres.PostgresSink(dataSource, new PostgresSinkSettings { SinkName = "objects" }, NullLogger.Instance);
        foreach (var record in records)
        {
            sink.Append(record);
        }
        await sink.FlushAsync(all: true);
    }

    private static async Task<List<string>> DumpAsync(TestSchema schema)
    {
        var rows = new List<string>();
        await using var connection = await schema.OpenAsync();
        foreach (var table in new[] { "trip_city_hourly", "flagged_messages", "sender_strike_status" })
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM {table} t ORDER BY 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(table + " " + reader.GetString(0));
            }
        }
        return rows;
    }
}
