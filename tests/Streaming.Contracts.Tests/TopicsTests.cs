using FluentAssertions;
using Streaming.Contracts;
using Xunit;

namespace Streaming.Contracts.Tests;

public sealed class TopicsTests
{
    [Theory]
    [InlineData("trips", "trips")]
    [InlineData("trips.clean", "trips.clean")]
    [InlineData("trips.clean.bf1", "trips.clean")]
    [InlineData("trips.bf1", "trips")]
    [InlineData("demo-1.trips.clean", "trips.clean")]
    [InlineData("demo-1.trips.city-hourly.bf", "trips.city-hourly")]
    [InlineData("e2e.senders.strike-status", "senders.strike-status")]
    [InlineData("e2e.messages", "messages")]
    public void ShouldFindTheContractTopicOfPrefixedAndSuffixedCopies(string topic, string expected) =>
        Topics.ContractTopicOf(topic).Should().Be(expected);

    [Theory]
    [InlineData("orders")]
    [InlineData("tripsclean")]
    [InlineData("my-trips")]
    public void ShouldFindNoContractTopicForOtherNames(string topic) =>
        Topics.ContractTopicOf(topic).Should().BeNull();

    [Fact]
    public void ShouldAppendSuffixWithADot() =>
        Topics.WithSuffix("trips.clean", "bf1").Should().Be("trips.clean.bf1");
}
