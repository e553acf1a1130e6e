using Streaming.Contracts.Events;

namespace Streaming.Contracts.Tests;

public sealed class TopicsTests
{
    [Fact]
    public void ShouldNameEveryTopicOfTheDesign()
    {
        Topics.All.Should().Equal(
            "trips", "messages", "trips.clean", "trips.city-hourly", "messages.flagged", "senders.strike-status",
            "trips.rejected", "messages.rejected", "trips.late", "messages.late", "sink.rejected");
        Topics.WithSuffix(Topics.TripsClean, "bf1").Should().Be("trips.clean.bf1");
        Topics.WithSuffix(Topics.TripsClean, null).Should().Be("trips.clean");
    }

    [Fact]
    public void ShouldListTheRejectReasonCodesOfTheContract()
    {
        RejectReasons.All.Should().Equal(
            "undecodable", "unknown_schema", "missing_field", "negative_duration", "duration_too_long", "negative_distance", "negative_fare", "future_timestamp");
    }

    [Fact]
    public void ShouldCompareRecordsWithCollectionsByContent()
    {
        var a = new FlaggedMessage("m", "s", "r", "t", 1, ["x", "y"]);
        var b = new FlaggedMessage("m", "s", "r", "t", 1, new List<string> { "x", "y" });
        var rejectedA = new Rejected("t", 0, 1, RejectReasons.Undecodable, "d", [1, 2], null);
        var rejectedB = new Rejected("t", 0, 1, RejectReasons.Undecodable, "d", [1, 2], null);

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(b with { MatchedWords = ["y", "x"] });
        rejectedA.Should().Be(rejectedB);
        rejectedA.GetHashCode().Should().Be(rejectedB.GetHashCode());
        rejectedA.Should().NotBe(rejectedB with { RawValue = [] });
    }

    [Fact]
    public void ShouldMapEnumsToTheirAvroSymbols()
    {
        SenderStatus.Inactive.ToSymbol().Should().Be("INACTIVE");
        LateReason.BeyondDedupHorizon.ToSymbol().Should().Be("beyond_dedup_horizon");
        EnumSymbols.ParseLateReason("window_closed").Should().Be(LateReason.WindowClosed);
        var act = () => EnumSymbols.ParseSenderStatus("active");
        act.Should().Throw<FormatException>().WithMessage("'active' is not a SenderStatus symbol*");
    }

    [Fact]
    public void ShouldParseTimestampsForCsvAndFormatThemForMessages()
    {
        EpochMillis.Parse("2025-09-01T00:00:00Z").Should().Be(1756684800000);
        EpochMillis.Parse(" 1756684800000 ").Should().Be(1756684800000);
        EpochMillis.ToIsoString(1756684800123).Should().Be("2025-09-01T00:00:00.123Z");
        EpochMillis.TryParse("not a time", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(253_402_300_799_999, "9999-12-31T23:59:59.999Z")]
    [InlineData(-62_135_596_800_000, "0001-01-01T00:00:00.000Z")]
    [InlineData(253_402_300_800_000, "outside years 1-9999")]
    [InlineData(long.MaxValue, "outside years 1-9999")]
    [InlineData(long.MinValue, "outside years 1-9999")]
    public void ShouldFormatEveryLongForMessagesWithoutThrowing(long epochMillis, string expected) =>
        EpochMillis.ToIsoString(epochMillis).Should().Be(expected);

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
}
