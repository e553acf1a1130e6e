using FluentAssertions;
using Streaming.Contracts.Events;

namespace Streaming.PostgresSink.Tests;

/// <summary>A produced data set over the three result topics and what the tables must hold afterwards.</summary>
internal sealed class ResultSet
{
    public required TestTopics Topics { get; init; }

    public required List<ProducedRecord<CityHourly>> Hourly { get; init; }

    public required List<ProducedRecord<FlaggedMessage>> Flagged { get; init; }

    public required List<ProducedRecord<StrikeStatus>> Strikes { get; init; }

    public int Count => Hourly.Count + Flagged.Count + Strikes.Count;

    public static async Task<ResultSet> ProduceAsync(int hourly, int flagged, int strikes, int seed)
    {
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        return new ResultSet
        {
            Topics = topics,
            Hourly = await writer.ProduceAsync(topics.CityHourly, TestData.CityHourly(hourly, seed), c => $"{c.City}|{c.WindowStart}"),
            Flagged = await writer.ProduceAsync(topics.Flagged, TestData.Flagged(flagged, seed + 1), m => m.SenderId),
            Strikes = await writer.ProduceAsync(topics.StrikeStatus, TestData.Strikes(strikes, senders: 300, seed + 2), s => s.SenderId),
        };
    }

    /// <summary>Asserts the schema's tables hold exactly the expected rows and sink_offsets equal the end offsets.</summary>
    public async Task AssertWrittenExactlyAsync(TestSchema schema, string sinkName)
    {
        var expectedHourly = TestData.ExpectedCityHourly(Hourly);
        var expectedFlagged = TestData.ExpectedFlagged(Flagged);
        var expectedStrikes = TestData.ExpectedStrikes(Strikes);
        (await TableReader.CityHourlyAsync(schema)).Should().BeEquivalentTo(expectedHourly);
        (await TableReader.FlaggedAsync(schema)).Should().BeEquivalentTo(expectedFlagged);
        (await TableReader.StrikesAsync(schema)).Should().BeEquivalentTo(expectedStrikes);
        (await schema.ScalarAsync("SELECT count(*) FROM trip_city_hourly")).Should().Be(expectedHourly.Count);
        (await schema.ScalarAsync("SELECT count(*) FROM flagged_messages")).Should().Be(expectedFlagged.Count);
        (await schema.ScalarAsync("SELECT count(*) FROM sender_strike_status")).Should().Be(expectedStrikes.Count);
        (await TableReader.SinkOffsetsAsync(schema, sinkName)).Should().BeEquivalentTo(
            TopicWriter.EndOffsets(Topics.All).Where(kv => kv.Value > 0).ToDictionary());
    }
}
