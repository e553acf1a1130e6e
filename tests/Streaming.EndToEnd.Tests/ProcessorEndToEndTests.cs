using Streaming.EndToEnd.Tests.Oracle;
using Streaming.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Streaming.EndToEnd.Tests;

/// <summary>
/// The processor on the dev stack, end to end (issue 6, "End-to-end test on the dev stack"): the real producer and
/// processor executables, the outputs read back from Kafka, and an independent oracle (Oracle/oracle.mjs, run by node)
/// computing the expected outputs from the producer's JSONL alone. The oracle does not call the processor's code.
/// </summary>
public sealed class ProcessorEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShouldMatchIndependentOracleOnTwoDaysOfDirtyData()
    {
        var spec = new GenerateSpec(Trips: 20_000, Messages: 6_000, Start: "2025-09-01", Days: 2, Seed: 4242, DupRate: 0.03, LateRate: 0.02, BadRate: 0.02);
        using var run = await PipelineRun.ExecuteAsync(spec);
        var oracle = await IndependentOracle.ComputeAsync(run.InputFile, run.TripsPartitions, run.MessagesPartitions, run.WorkDir);

        // Every path is exercised: the comparison would be hollow without them.
        run.TripsPartitions.Should().Be(4, "the dev broker auto-creates topics with 4 partitions");
        run.MessagesPartitions.Should().Be(4, "the dev broker auto-creates topics with 4 partitions");
        var trips = oracle.Counters["trips"];
        var messages = oracle.Counters["messages"];
        trips.Duplicates.Should().BePositive();
        trips.BeyondHorizon.Should().BePositive();
        trips.WindowLate.Should().BePositive();
        messages.Duplicates.Should().BePositive();
        messages.BeyondHorizon.Should().BePositive();
        trips.Rejected.Keys.Should().Contain(["undecodable", "unknown_schema", "missing_field", "negative_duration", "negative_fare", "future_timestamp"]);
        messages.Rejected.Keys.Should().Contain(["undecodable", "unknown_schema", "missing_field", "future_timestamp"]);
        oracle.CityHourly.Should().HaveCountGreaterThan(300);
        oracle.StrikeTotals.InactiveSenders.Should().BePositive("the producer plants repeat offenders");

        Report(run, oracle).ShouldBeNone();
    }

    [Fact]
    public async Task ShouldExpireStrikesAndKeepRepeatOffendersInactiveOverFortyDays()
    {
        var spec = new GenerateSpec(Trips: 4_000, Messages: 9_000, Start: "2025-09-01", Days: 40, Seed: 777, DupRate: 0.03, LateRate: 0.02, BadRate: 0.02);
        using var run = await PipelineRun.ExecuteAsync(spec);
        var oracle = await IndependentOracle.ComputeAsync(run.InputFile, run.TripsPartitions, run.MessagesPartitions, run.WorkDir);

        run.ProducerToFile.Stdout.Should().Contain("repeat offenders", "the scenario needs senders who strike again and again");
        oracle.StrikeTotals.Expired.Should().BePositive("strikes older than 30 days expire within a 40-day run");
        oracle.StrikeTotals.InactiveSenders.Should().BePositive("a repeat offender reaches 10 active strikes");
        oracle.StrikeStatuses.Values.SelectMany(s => s).Should().Contain(s => s.Status == "ACTIVE" && s.ActiveStrikes == 0, "a sender whose strikes all expired is back to level 0");

        Report(run, oracle).ShouldBeNone();
    }

    private Differences Report(PipelineRun run, OracleResult oracle)
    {
        var differences = OracleComparison.Compare(run, oracle);
        output.WriteLine($"topic prefix {run.Prefix}, app id {run.AppId}");
        output.WriteLine($"oracle strike totals: {oracle.StrikeTotals}");
        foreach (var line in differences.Checked)
        {
            output.WriteLine("ok: " + line);
        }
        output.WriteLine("processor summary:\n" + run.Processor.Stdout);
        return differences;
    }
}
