using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Driver;

/// <summary>
/// DESIGN §4: outputs are a pure function of the input partitions. Two upstream partitions run at very different
/// speeds into a repartitioned window topology; every interleaving must give the same windows and lateness decisions,
/// equal to what an independent per-partition simulation predicts.
/// </summary>
public sealed class WatermarkDeterminismDriverTests
{
    [Fact]
    public void ShouldGiveIdenticalWindowsAndLatenessInEveryInterleaving()
    {
        var inputs = DeterminismWorkload.Generate(seed: 42, fastCount: 400, slowCount: 40);
        var expected = DeterminismWorkload.Expected(inputs, TimeSpan.FromMinutes(10), DeterminismWorkload.WindowMs);
        expected.Late.Should().NotBeEmpty("the workload must exercise lateness");
        expected.Windows.Count.Should().BeGreaterThan(10);

        var random = new Random(7);
        for (var run = 0; run < 40; run++)
        {
            var order = DeterminismWorkload.Interleave(inputs, random, run);
            var result = RunInDriver(order, repartitionPartitions: 1 + (run % 3));

            result.Windows.Should().BeEquivalentTo(expected.Windows, $"interleaving {run} must give the same windows");
            result.Late.Should().Equal(expected.Late, $"interleaving {run} must give the same lateness decisions");
        }
    }

    private static DeterminismWorkload.Outcome RunInDriver(IReadOnlyList<DeterminismWorkload.Input> order, int repartitionPartitions)
    {
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["events"] = 2;
        options.TopicPartitions["by-key"] = repartitionPartitions;
        using var driver = new TopologyTestDriver(TestTopologies.RepartitionedWindows("events", "late", "windows", DeterminismWorkload.WindowMs), options);
        var input = driver.CreateInputTopic("events", Serdes.String, Serdes.Long);
        foreach (var record in order)
        {
            input.PipeInput(record.Key, record.Value, record.Timestamp, record.Partition);
        }
        driver.EndInput();
        var windows = driver.CreateOutputTopic("windows", Serdes.String, Serdes.String).ReadKeyValuesToList();
        var late = driver.CreateOutputTopic("late", Serdes.String, Serdes.String).ReadRecordsToList();
        return DeterminismWorkload.Outcome.From(windows, late.Select(r => (r.Key, r.Value)));
    }
}
