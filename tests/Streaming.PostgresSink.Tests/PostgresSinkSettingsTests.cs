using FluentAssertions;
using Npgsql;
using Streaming.Contracts.Configuration;
using Streaming.Sinks.Postgres;
using Xunit;

namespace Streaming.PostgresSink.Tests;

/// <summary>Configuration errors name the key; error classification drives the retries.</summary>
public sealed class PostgresSinkSettingsTests
{
    private static PostgresSinkSettings Bind(params (string Key, string Value)[] values) =>
        PostgresSinkSettings.Bind(StreamingConfiguration.Build(values.ToDictionary(v => v.Key, v => (string?)v.Value), AppContext.BaseDirectory, new Dictionary<string, string?>()));

    [Fact]
    public void ShouldNameTheKeyAndValueWhenBatchSizeIsNotAPositiveNumber()
    {
        var act = () => Bind((PostgresSinkSettings.BatchSizeKey, "-5"));

        act.Should().Throw<ConfigurationException>()
            .Which.Should().Match<ConfigurationException>(e => e.Key == PostgresSinkSettings.BatchSizeKey
                && e.Message.Contains("'-5'") && e.Message.Contains("--batch-size") && e.Message.Contains("STREAMING__SINKS__POSTGRES__BATCHSIZE"));
    }

    [Fact]
    public void ShouldRejectATopicWithoutATable()
    {
        var act = () => Bind((PostgresSinkSettings.TopicsKey, "trips.city-hourly,trips"));

        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("topic 'trips' has no PostgreSQL table");
    }

    [Fact]
    public void ShouldDefaultToTheThreeResultTopicsAndAcceptSuffixedBackfillTopics()
    {
        Bind().Should().BeEquivalentTo(new { Topics = new[] { "trips.city-hourly", "messages.flagged", "senders.strike-status" }, BatchSize = 5000, SinkName = "postgres" });
        Bind((PostgresSinkSettings.TopicsKey, "messages.flagged.bf1"), (PostgresSinkSettings.BatchSizeKey, "250")).Should()
            .BeEquivalentTo(new { Topics = new[] { "messages.flagged.bf1" }, BatchSize = 250 });
    }

    [Theory]
    [InlineData("57P01", true)]
    [InlineData("40001", true)]
    [InlineData("40P01", true)]
    [InlineData("08006", true)]
    [InlineData("53300", true)]
    [InlineData("23505", false)]
    [InlineData("42P01", false)]
    [InlineData("28P01", false)]
    public void ShouldClassifySqlStatesForRetry(string sqlState, bool transient) =>
        PostgresErrors.IsTransient(new PostgresException("message", "ERROR", "ERROR", sqlState)).Should().Be(transient);

    [Fact]
    public void ShouldTreatABrokenConnectionAsTransient() =>
        PostgresErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("connection reset"))).Should().BeTrue();
}
