using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class GeneratedSummaryTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private static readonly string[] s_kinds = ["clean", "duplicate", "late", "bad"];
    private static readonly string[] s_topics = ["trips", "messages"];

    [Fact]
    public void ShouldPrintSummaryCountsEqualToTheCountsInTheFile()
    {
        var summary = SummaryTableParser.Parse(data.Result.Output);

        foreach (var kind in s_kinds)
        {
            foreach (var topic in s_topics)
            {
                summary[(kind, topic)].Should().Be(data.Lines.Count(l => l.Kind == kind && l.Topic == topic), $"{kind} {topic}");
            }
            summary[(kind, "total")].Should().Be(data.Lines.Count(l => l.Kind == kind), kind);
        }
        foreach (var topic in s_topics)
        {
            summary[("total", topic)].Should().Be(data.Lines.Count(l => l.Topic == topic), topic);
        }
        summary[("total", "total")].Should().Be(data.Lines.Count);
        data.Result.Output.Should().Contain($"generated {data.Lines.Count} records");
    }

    [Fact]
    public void ShouldGenerateEachRequestedEventExactlyOnceBesidesDuplicates()
    {
        var trips = data.Lines.Where(l => l.Topic == "trips" && l.Kind != "duplicate").Select(l => l.Value is null ? l.Key : l.Id).ToList();
        var messages = data.Lines.Where(l => l.Topic == "messages" && l.Kind != "duplicate" && l.Value is not null).Select(l => l.Id).ToList();

        // Sorted comparisons: FluentAssertions' equivalency is quadratic on 100 000 items.
        trips.Order(StringComparer.Ordinal).Should().Equal(Enumerable.Range(1, GeneratedDataFixture.Trips).Select(i => $"t42-{i:D7}"));
        messages.Distinct().Count().Should().Be(messages.Count);
        data.Lines.Count(l => l.Topic == "messages" && l.Kind != "duplicate").Should().Be(GeneratedDataFixture.Messages);
    }
}
