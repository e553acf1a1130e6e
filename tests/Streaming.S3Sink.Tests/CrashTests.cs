using System.Diagnostics;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.S3Sink.Tests;

public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShouldHoldEachRecordExactlyOnceAfterRepeatedSigkills()
    {
        // Out-of-order trips (±8 min, within the 10 min lateness) over 12 hours, 1 in 30 of them 15 min to 3 h late (late
        // files that hold the resume offset back while newer files are uploaded), small files: many uploads and
        // checkpoints to be killed between.
        var topic = Lake.UniqueName("trips.clean.crash");
        var prefix = Lake.UniqueName("crashlake");
        var start = DateTimeOffset.Parse("2025-09-03T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var produced = Lake.Produce(topic, Lake.Trips(12000, start, TimeSpan.FromHours(12), seed: 21, jitterMinutes: 8, lateEvery: 30));
        var destination = $"s3://{DevStack.S3Bucket}/{prefix}";
        using var s3 = Lake.S3Client();
        var random = new Random(99);
        var kills = 0;
        var killsWithPartialLake = 0;
        var finishedEarly = 0;
        var stopwatch = Stopwatch.StartNew();

        for (var attempt = 0; attempt < 20 && kills < 6; attempt++)
        {
            // A fresh group per run: the resume position must come from the sink's own checkpoints, not the group.
            using var process = Process.Start(Lake.SinkStartInfo("s3", "--topic", topic, "--table", "trips_clean", "--until-end",
                "--destination", destination, "--group-id", Lake.UniqueName("g"), "--max-records", "40"))!;
            _ = process.StandardOutput.ReadToEndAsync();
            // The kill clock starts once the sink is assigned its partitions, so kills land mid-run however slow start-up is.
            var assigned = new TaskCompletionSource();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("assigned", StringComparison.Ordinal) == true)
                {
                    assigned.TrySetResult();
                }
            };
            process.BeginErrorReadLine();
            var delay = TimeSpan.FromMilliseconds(random.Next(300, 2500));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await Task.WhenAny(assigned.Task, process.WaitForExitAsync(wait.Token));
                wait.CancelAfter(delay);
                await process.WaitForExitAsync(wait.Token);
                output.WriteLine($"run {attempt} finished before its kill at {delay.TotalMilliseconds:F0} ms (exit {process.ExitCode})");
                finishedEarly++;
                // A fast machine can finish before the kills are done: append the next 12 hours and keep killing.
                start += TimeSpan.FromHours(12);
                produced.AddRange(Lake.Produce(topic, Lake.Trips(3000, start, TimeSpan.FromHours(12), seed: 100 + attempt, jitterMinutes: 8)));
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true); // SIGKILL
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
                kills++;
                var objects = (await Lake.ListKeysAsync(s3, prefix + "/")).Count(k => k.EndsWith(".parquet", StringComparison.Ordinal));
                killsWithPartialLake += objects > 0 ? 1 : 0;
                output.WriteLine($"run {attempt} killed after {delay.TotalMilliseconds:F0} ms with {objects} files in the lake");
            }
        }

        var (exit, stdout, stderr) = await Lake.RunSinkAsync(TimeSpan.FromMinutes(3), "s3", "--topic", topic, "--table", "trips_clean", "--until-end",
            "--destination", destination, "--group-id", Lake.UniqueName("g"), "--max-records", "40");
        exit.Should().Be(0, stderr);
        output.WriteLine("final run: " + stdout.Trim());
        output.WriteLine($"total {stopwatch.Elapsed.TotalSeconds:F1}s, {kills} kills, {killsWithPartialLake} with a partial lake");

        kills.Should().BeGreaterThanOrEqualTo(5);
        killsWithPartialLake.Should().BeGreaterThanOrEqualTo(2, "kills must land mid-run, after some files were uploaded");

        var folder = Path.Combine(Path.GetTempPath(), Lake.UniqueName("crashdownload"));
        await Lake.DownloadAsync(s3, prefix + "/", folder);
        var rows = await Lake.ReadTripsWithDuckDbAsync(folder);
        EndToEndTests.AssertExactlyOnce(rows, produced);

        if (finishedEarly == 0)
        {
            // Every run was killed, so the input was one bounded run's: the lake must equal a no-fault run's, key for key.
            var reference = Lake.UniqueName("nofault");
            var clean = await Lake.RunSinkAsync(TimeSpan.FromMinutes(3), "s3", "--topic", topic, "--table", "trips_clean", "--until-end",
                "--destination", $"s3://{DevStack.S3Bucket}/{reference}", "--group-id", Lake.UniqueName("g"), "--max-records", "40");
            clean.ExitCode.Should().Be(0, clean.Stderr);
            var referenceFolder = Path.Combine(Path.GetTempPath(), Lake.UniqueName("nofaultdownload"));
            await Lake.DownloadAsync(s3, reference + "/", referenceFolder);
            var referenceRows = await Lake.ReadTripsWithDuckDbAsync(referenceFolder);
            rows.GroupBy(r => r.File).ToDictionary(g => g.Key, g => g.Select(r => r.Trip.TripId).Order(StringComparer.Ordinal).ToList())
                .Should().BeEquivalentTo(referenceRows.GroupBy(r => r.File).ToDictionary(g => g.Key, g => g.Select(r => r.Trip.TripId).Order(StringComparer.Ordinal).ToList()),
                    "a crashed and restarted sink writes the same objects with the same records as one that never crashed");
            Directory.Delete(referenceFolder, recursive: true);
        }
        else
        {
            output.WriteLine($"{finishedEarly} runs finished before their kill: more input was appended, so only exactly-once is compared");
        }
        Directory.Delete(folder, recursive: true);
    }
}
