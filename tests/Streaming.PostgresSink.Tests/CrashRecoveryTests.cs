using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.PostgresSink.Tests;

/// <summary>SIGKILL the sink process at random points and restart it: the result equals an uninterrupted run.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShouldEndWithTheSameTablesAsAnUninterruptedRunWhenKilledRepeatedly()
    {
        var data = await ResultSet.ProduceAsync(hourly: 3000, flagged: 6000, strikes: 4000, seed: 11);
        await using var reference = await TestSchema.CreateAsync("crash_ref");
        await using var crashed = await TestSchema.CreateAsync("crash");
        var referenceRun = await InProcessSink.RunUntilEndAsync(reference, data.Topics.All, "ref", batchSize: 25, timeout: TimeSpan.FromSeconds(90));
        referenceRun.ExitCode.Should().Be(0);

        var random = new Random(20251121);
        var kills = 0;
        var killedWithProgress = 0;
        var runs = 0;
        var finalStdout = string.Empty;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the crash loop must finish within 2 minutes");
            runs++;
            var before = await StoredProgressAsync(crashed);
            using var sink = SinkProcess.Start(crashed, data.Topics.All, "crash", batchSize: 25);
            if (kills < 6)
            {
                // Mostly kill after the run made progress (mid-batch stream), sometimes blindly (start-up, migration, assignment).
                var blind = random.Next(4) == 0;
                var progressed = blind
                    ? await DelayOrExitAsync(sink, TimeSpan.FromMilliseconds(random.Next(100, 900)))
                    : await WaitForProgressAsync(crashed, sink, before, TimeSpan.FromSeconds(20));
                if (!sink.HasExited)
                {
                    await Task.Delay(random.Next(0, 200));
                    await sink.KillAsync();
                    kills++;
                    killedWithProgress += progressed && !blind ? 1 : 0;
                    output.WriteLine($"run {runs}: killed ({(blind ? "blind" : "after progress")}), stored progress {before} -> {await StoredProgressAsync(crashed)}");
                    continue;
                }
            }
            var code = await sink.WaitForExitAsync(TimeSpan.FromSeconds(60));
            code.Should().Be(0, "the final run must finish: {0}", sink.Stderr);
            finalStdout = sink.Stdout;
            output.WriteLine($"run {runs}: finished: {finalStdout.Trim()}");
            break;
        }

        kills.Should().BeGreaterThanOrEqualTo(5);
        killedWithProgress.Should().BeGreaterThanOrEqualTo(3);
        finalStdout.Should().StartWith("sinks postgres: records=");
        await data.AssertWrittenExactlyAsync(crashed, "crash");
        await data.AssertWrittenExactlyAsync(reference, "ref");
    }

    private static async Task<long> StoredProgressAsync(TestSchema schema)
    {
        try
        {
            return await schema.ScalarAsync("SELECT coalesce(sum(next_offset), 0) FROM sink_offsets");
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == "42P01")
        {
            return 0; // not migrated yet
        }
    }

    private static async Task<bool> WaitForProgressAsync(TestSchema schema, SinkProcess sink, long before, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !sink.HasExited)
        {
            if (await StoredProgressAsync(schema) > before)
            {
                return true;
            }
            await Task.Delay(15);
        }
        return false;
    }

    private static async Task<bool> DelayOrExitAsync(SinkProcess sink, TimeSpan delay)
    {
        var until = DateTime.UtcNow + delay;
        while (DateTime.UtcNow < until && !sink.HasExited)
        {
            await Task.Delay(10);
        }
        return false;
    }
}
