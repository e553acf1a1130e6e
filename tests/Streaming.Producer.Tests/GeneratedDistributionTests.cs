using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class GeneratedDistributionTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private static readonly string[] s_cities = ["London", "Manchester", "Birmingham", "Liverpool", "Watford", "Leeds", "Glasgow", "Bristol"];

    private List<EnvelopeLine> CleanTrips => data.Lines.Where(l => l.Topic == "trips" && l.Kind == "clean").ToList();

    private List<EnvelopeLine> CleanMessages => data.Lines.Where(l => l.Topic == "messages" && l.Kind == "clean").ToList();

    [Fact]
    public void ShouldGiveLondonAboutThirtyPercentOfTripsAndUseOnlyTheSeedCities()
    {
        var trips = CleanTrips;
        var byCity = trips.GroupBy(t => t.Field("city")).ToDictionary(g => g.Key, g => g.Count());

        byCity.Keys.Should().BeEquivalentTo(s_cities);
        ((double)byCity["London"] / trips.Count).Should().BeInRange(0.25, 0.35);
    }

    [Fact]
    public void ShouldHaveAMeanFareOfAboutSixPointFourAndPlausibleTrips()
    {
        var trips = CleanTrips;
        var fares = trips.Select(t => t.Value!.Value.GetProperty("fare").GetDouble()).ToList();
        var minutes = trips.Select(t => (t.Value!.Value.GetProperty("dropoff_ts").GetInt64() - t.EventTime) / 60_000.0).ToList();
        var km = trips.Select(t => t.Value!.Value.GetProperty("distance_km").GetDouble()).ToList();

        fares.Average().Should().BeInRange(6.0, 6.8);
        fares.Should().OnlyContain(f => f > 0 && f < 200);
        minutes.Should().OnlyContain(m => m > 0 && m < 24 * 60);
        Median(minutes).Should().BeInRange(5, 25);
        km.Should().OnlyContain(d => d > 0 && d < 100);
        km.Average().Should().BeInRange(2, 6);
    }

    [Fact]
    public void ShouldSpreadPickupsOverTheSpanWithADailyCurve()
    {
        var pickups = CleanTrips.Select(t => t.EventTime).ToList();
        var end = GeneratedDataFixture.Start + (GeneratedDataFixture.Days * 86_400_000);

        pickups.Should().OnlyContain(p => p >= GeneratedDataFixture.Start && p < end);
        var perDay = pickups.GroupBy(p => (p - GeneratedDataFixture.Start) / 86_400_000).ToDictionary(g => g.Key, g => g.Count());
        perDay.Keys.Should().BeEquivalentTo(Enumerable.Range(0, 14).Select(d => (long)d));
        int Hour(long ms) => (int)(ms % 86_400_000 / 3_600_000);
        var morningPeak = pickups.Count(p => Hour(p) == 8);
        var smallHours = pickups.Count(p => Hour(p) == 4);
        morningPeak.Should().BeGreaterThan(3 * smallHours);
    }

    [Fact]
    public void ShouldLeaveOptionalTripFieldsOutSometimes()
    {
        var trips = CleanTrips;
        double MissingShare(string field) => (double)trips.Count(t => !t.Value!.Value.TryGetProperty(field, out _)) / trips.Count;

        MissingShare("driver_id").Should().BeInRange(0.01, 0.10);
        MissingShare("rider_id").Should().BeInRange(0.02, 0.15);
        MissingShare("payment_type").Should().BeInRange(0.02, 0.10);
        trips.Select(t => t.Value!.Value.TryGetProperty("payment_type", out var p) ? p.GetString() : null)
            .Where(p => p is not null).Distinct().Should().BeEquivalentTo("card", "app", "cash");
    }

    [Fact]
    public void ShouldFlagAboutTwoPercentOfCleanMessagesWithMarkedWordsInVariedCaseAndPunctuation()
    {
        var messages = CleanMessages;
        var flagged = messages.Where(m => Tokens.IsFlagged(m.Field("text"))).ToList();

        ((double)flagged.Count / messages.Count).Should().BeInRange(0.015, 0.025);
        // Planted words come in other cases than lowercase and next to punctuation, e.g. "Darn!" or "(HECK)".
        var planted = flagged.SelectMany(m => m.Field("text").Split(' ')).Where(w => Tokens.Of(w).Any(Tokens.MarkedWords.Contains)).ToList();
        planted.Should().Contain(w => w.Any(char.IsUpper));
        planted.Should().Contain(w => w.IndexOfAny(new[] { '!', ',', '(', '"', '“', '*', '.' }) >= 0);
        planted.Should().Contain(w => Tokens.MarkedWords.Contains(w), "some marked words stand bare");
    }

    [Fact]
    public void ShouldHaveRepeatOffendersThatReachTenStrikesWithinThirtyDays()
    {
        var flaggedPerSender = CleanMessages.Where(m => Tokens.IsFlagged(m.Field("text")))
            .GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Count());

        flaggedPerSender.Values.Count(c => c >= 10).Should().BeGreaterThanOrEqualTo(2, "the span is 14 days, shorter than the 30-day strike expiry");
        flaggedPerSender.Values.Count(c => c is >= 3 and < 10).Should().BeGreaterThanOrEqualTo(1);
        data.Result.Output.Should().Contain("repeat offenders emp-");
    }

    [Fact]
    public void ShouldSendMessagesAmongTwoHundredEmployeesKeyedBySender()
    {
        var messages = CleanMessages;

        messages.Should().OnlyContain(m => m.Key == m.Field("sender_id") && m.Field("sender_id") != m.Field("receiver_id"));
        var employees = messages.Select(m => m.Field("sender_id")).Concat(messages.Select(m => m.Field("receiver_id"))).Distinct().ToList();
        employees.Should().HaveCount(200).And.OnlyContain(e => e.StartsWith("emp-", StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldSendCleanEventsWithinTheAllowedLatenessOfTheStream()
    {
        foreach (var topic in new[] { "trips", "messages" })
        {
            long latest = long.MinValue, worst = 0;
            foreach (var line in data.Lines.Where(l => l.Topic == topic && l.Kind != "bad"))
            {
                if (line.Kind == "clean" && latest != long.MinValue)
                {
                    worst = Math.Max(worst, latest - line.EventTime);
                }
                latest = Math.Max(latest, line.EventTime);
            }
            worst.Should().BeGreaterThan(0, "events are jittered, not perfectly ordered").And.BeLessThanOrEqualTo(10 * 60_000, topic);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
