using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.S3;
using Xunit;

namespace Streaming.S3Sink.Tests;

public sealed class RotationTests
{
    private const long Hour = 3_600_000;
    private const long Minute = 60_000;
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void ShouldRotateOnHourCloseOnlyOnceWatermarkReachesHourEnd()
    {
        FileRotation.RotateOnHourClose(Hour, Hour - 1).Should().BeFalse();
        FileRotation.RotateOnHourClose(Hour, Hour).Should().BeTrue();
        FileRotation.RotateOnHourClose(Hour, null).Should().BeFalse();
    }

    [Fact]
    public void ShouldRotateOnSizeWhenEitherBoundIsReached()
    {
        FileRotation.RotateOnSize(9, 999, 10, 1000).Should().BeFalse();
        FileRotation.RotateOnSize(10, 0, 10, 1000).Should().BeTrue();
        FileRotation.RotateOnSize(1, 1000, 10, 1000).Should().BeTrue();
    }

    [Fact]
    public void ShouldRotateOnTimeOnlyWhenAnIntervalIsSet()
    {
        FileRotation.RotateOnTime(Now, Now.AddHours(5), null).Should().BeFalse();
        FileRotation.RotateOnTime(Now, Now.AddSeconds(59), TimeSpan.FromMinutes(1)).Should().BeFalse();
        FileRotation.RotateOnTime(Now, Now.AddSeconds(60), TimeSpan.FromMinutes(1)).Should().BeTrue();
    }

    [Fact]
    public async Task ShouldCloseHourFileWhenWatermarkPassesHourEndAndResumeFromOldestOpenFile()
    {
        var storage = new MemoryStorage();
        var writer = CreateWriter(storage, new S3SinkOptions { Table = "t" });
        var s = Records.Start;
        writer.Write(Records.Trip("trips", 0, 0, s + (10 * Minute)), Now);
        writer.Write(Records.Trip("trips", 0, 1, s + (50 * Minute)), Now);
        writer.Write(Records.Trip("trips", 0, 2, s + Hour + (5 * Minute)), Now);  // watermark 00:55: hour 0 stays open
        writer.Write(Records.Trip("trips", 0, 3, s + (55 * Minute)), Now);        // still on time for hour 0
        writer.OpenHours.Should().Be(2);
        writer.IsCommitDue(Now).Should().BeFalse();
        writer.ResumeOffset.Should().Be(0);

        writer.Write(Records.Trip("trips", 0, 4, s + Hour + (10 * Minute)), Now); // watermark 01:00 closes hour 0
        writer.IsCommitDue(Now).Should().BeTrue();
        var (files, records, _) = await writer.CommitFilesAsync(all: false, Now);
        files.Should().Be(1);
        records.Should().Be(3);
        storage.DataFiles().Should().BeEquivalentTo(new Dictionary<string, long[]>
        {
            ["t/dt=2025-09-01/hour=00/trips+0+00000000000000000000.parquet"] = [0, 1, 3],
        });
        writer.ResumeOffset.Should().Be(2, "the hour-1 file starting at offset 2 is still open");

        await writer.CommitFilesAsync(all: true, Now);
        storage.DataFiles().Keys.Should().Contain("t/dt=2025-09-01/hour=01/trips+0+00000000000000000002.parquet");
        storage.DataFiles()["t/dt=2025-09-01/hour=01/trips+0+00000000000000000002.parquet"].Should().Equal(2, 4);
        writer.ResumeOffset.Should().Be(5);
    }

    [Fact]
    public async Task ShouldCollectRecordsOfAClosedHourInOneLateFileCommittedBySizeOrFlush()
    {
        var storage = new MemoryStorage();
        var writer = CreateWriter(storage, new S3SinkOptions { Table = "t", MaxRecordsPerFile = 3 });
        var s = Records.Start;
        writer.Write(Records.Trip("trips", 0, 0, s + (10 * Minute)), Now);
        writer.Write(Records.Trip("trips", 0, 1, s + Hour + (20 * Minute)), Now); // watermark 01:10 closes hour 0
        for (var offset = 2; offset < 9; offset++)
        {
            // Late records of hour 0 between on-time ones of hour 1.
            writer.Write(Records.Trip("trips", 0, offset, offset % 2 == 0 ? s + (offset * Minute) : s + Hour + ((20 + offset) * Minute)), Now);
        }
        writer.OpenHours.Should().Be(2, "hour 1 and the late file of hour 0");
        writer.ResumeOffset.Should().Be(0, "the closed hour-0 file still waits for its upload");

        await writer.CommitFilesAsync(all: false, Now);
        storage.DataFiles().Should().BeEquivalentTo(new Dictionary<string, long[]>
        {
            ["t/dt=2025-09-01/hour=00/trips+0+00000000000000000000.parquet"] = [0],
            // The late file closes by the record bound (3), not by the hour close that already happened.
            ["t/dt=2025-09-01/hour=00/trips+0+00000000000000000002.parquet"] = [2, 4, 6],
            ["t/dt=2025-09-01/hour=01/trips+0+00000000000000000001.parquet"] = [1, 3, 5],
        });
        writer.ResumeOffset.Should().Be(7, "the hour-1 file from 7 and the late file from 8 are open");

        await writer.CommitFilesAsync(all: true, Now);
        storage.DataFiles().Keys.Should().HaveCount(5);
        storage.DataFiles()["t/dt=2025-09-01/hour=00/trips+0+00000000000000000008.parquet"].Should().Equal(8);
        storage.DataFiles()["t/dt=2025-09-01/hour=01/trips+0+00000000000000000007.parquet"].Should().Equal(7);
    }

    [Fact]
    public async Task ShouldWriteAtMostTwoFilesPerHourAndPartitionForGeneratedLateData()
    {
        // Demo-shaped: a day of trips, 1 in 50 of them 15 min to 3 h late. Before late files each late trip made its own file.
        var storage = new MemoryStorage();
        var sink = CreateSink(storage, new S3SinkOptions { Table = "t" });
        await sink.ReadStoredOffsetsAsync([Records.Tp("trips")]);
        var records = Records.WithLate("trips", 6000, seed: 8, minutesPerRecord: 0.24, lateEvery: 50, maxLateMinutes: 180);
        foreach (var record in records)
        {
            sink.Append(record);
            if (sink.IsFlushDue(Now))
            {
                await sink.FlushAsync(all: false);
            }
        }
        await sink.FlushAsync(all: true);

        var files = storage.DataFiles();
        var perHour = files.GroupBy(f => f.Key.Split('/')[1] + "/" + f.Key.Split('/')[2]).ToDictionary(g => g.Key, g => g.Count());
        perHour.Should().HaveCount(24);
        perHour.Values.Max().Should().Be(2, "each hour gets its on-time file and one late file");
        perHour.Values.Count(n => n == 2).Should().BeGreaterThan(20, "late trips reach almost every hour");
        files.Values.SelectMany(o => o).Order().Should().Equal(Enumerable.Range(0, records.Count).Select(i => (long)i));
        sink.FileCounts.MaxPerHourAndPartition.Should().Be(2);
        sink.FileCounts.Files.Should().Be(files.Count);
    }

    [Fact]
    public async Task ShouldRejectATimestampNoParquetColumnHoldsBeforeChangingAnyState()
    {
        var storage = new MemoryStorage();
        var mapping = ParquetTableMappings.ForTopic("trips")!;
        var writer = new TopicPartitionWriter("trips", 0, new S3SinkOptions { Table = "t" }, HourlyPartitioner.Instance,
            new ParquetRecordWriterProvider(mapping, storage), r => EventTime.Of(r), NullLogger.Instance);
        writer.Write(Records.Trip("trips", 0, 0, Records.Start), Now);
        var tooLate = Records.Trip("trips", 0, 1, Records.Start) with
        {
            Value = new Streaming.Contracts.Events.TripEvent("t-1", "Lisbon", ParquetTimestamp.MaxEpochMillis + 1, 0, 1, 1),
        };

        var act = () => writer.Write(tooLate, Now);

        act.Should().Throw<Streaming.Contracts.Serialization.RecordDecodeException>()
            .WithMessage($"pickup_ts is {ParquetTimestamp.MaxEpochMillis + 1} ms since the epoch, outside the years 1 to 9999*");
        writer.StreamTime.Should().Be(Records.Start, "a rejected record does not move stream time");
        writer.OpenHours.Should().Be(1);
        writer.Skip(1);
        await writer.CommitFilesAsync(all: true, Now);
        writer.ResumeOffset.Should().Be(2);
        storage.Objects.Keys.Should().Equal("t/dt=2025-09-01/hour=00/trips+0+00000000000000000000.parquet");
    }

    [Fact]
    public async Task ShouldRotateOnRecordCountAndNameNextFileByItsFirstOffset()
    {
        var storage = new MemoryStorage();
        var writer = CreateWriter(storage, new S3SinkOptions { Table = "t", MaxRecordsPerFile = 3 });
        for (var i = 0; i < 7; i++)
        {
            writer.Write(Records.Trip("trips", 0, i, Records.Start + (i * Minute)), Now);
        }
        await writer.CommitFilesAsync(all: true, Now);
        storage.DataFiles().Select(kv => (kv.Key.Split('+')[^1], kv.Value.Length)).Should().Equal(
            ("00000000000000000000.parquet", 3), ("00000000000000000003.parquet", 3), ("00000000000000000006.parquet", 1));
    }

    [Fact]
    public async Task ShouldBoundOpenHoursByClosingTheEarliestHour()
    {
        var storage = new MemoryStorage();
        var writer = CreateWriter(storage, new S3SinkOptions { Table = "t", MaxOpenFilesPerPartition = 2, AllowedLateness = TimeSpan.FromDays(1) });
        writer.Write(Records.Trip("trips", 0, 0, Records.Start), Now);
        writer.Write(Records.Trip("trips", 0, 1, Records.Start + Hour), Now);
        writer.Write(Records.Trip("trips", 0, 2, Records.Start + (2 * Hour)), Now);
        writer.OpenHours.Should().Be(2);
        writer.PendingFiles.Should().Be(1);
        await writer.CommitFilesAsync(all: false, Now);
        storage.DataFiles().Keys.Should().Equal("t/dt=2025-09-01/hour=00/trips+0+00000000000000000000.parquet");
    }

    [Fact]
    public async Task ShouldKeepFilesAndBackOffWhenStorageFails()
    {
        var storage = new MemoryStorage { FailNextPuts = 3 };
        var sink = CreateSink(storage, new S3SinkOptions { Table = "t", MaxRecordsPerFile = 2 });
        await sink.ReadStoredOffsetsAsync([Records.Tp("trips")]);
        for (var i = 0; i < 4; i++)
        {
            sink.Append(Records.Trip("trips", 0, i, Records.Start + (i * Minute)));
        }
        var result = await sink.FlushAsync(all: false);
        storage.FailedPuts.Should().Be(3);
        result.Files.Should().Be(2);
        result.Offsets.Single().Offset.Value.Should().Be(4);
        storage.DataFiles().Values.Should().BeEquivalentTo(new[] { new long[] { 0, 1 }, [2, 3] });
    }

    [Fact]
    public async Task ShouldResumeFromTheOtherCheckpointSlotWhenTheNewestIsTorn()
    {
        var storage = new MemoryStorage();
        var options = new S3SinkOptions { Table = "t", MaxRecordsPerFile = 2 };
        var sink = CreateSink(storage, options);
        await sink.ReadStoredOffsetsAsync([Records.Tp("trips")]);
        for (var i = 0; i < 4; i++)
        {
            sink.Append(Records.Trip("trips", 0, i, Records.Start + (i * Minute)));
            await sink.FlushAsync(all: false);
        }
        var slots = new[] { CheckpointSlot.A, CheckpointSlot.B }.Select(slot => ObjectKeys.Checkpoint("t", "trips", 0, slot)).ToList();
        var resumes = slots.Select(key => PartitionCheckpoint.FromJson(storage.Objects[key]).ResumeOffset).ToList();
        resumes.Should().BeEquivalentTo([2L, 4L], "the last two checkpoints sit in different slots");
        var newer = slots[resumes.IndexOf(4)];
        var older = slots[resumes.IndexOf(2)];

        // A put killed half-way (s3rver keeps the torn object): the sink resumes from the older, intact slot.
        storage.Objects[newer] = storage.Objects[newer][..10];
        var restarted = CreateSink(storage, options);
        (await restarted.ReadStoredOffsetsAsync([Records.Tp("trips")])).Single().Value.Should().Be(2);

        // The next checkpoint replaces the torn slot, never the one the sink resumed from.
        restarted.Append(Records.Trip("trips", 0, 2, Records.Start + (2 * Minute)));
        restarted.Append(Records.Trip("trips", 0, 3, Records.Start + (3 * Minute)));
        await restarted.FlushAsync(all: false);
        PartitionCheckpoint.FromJson(storage.Objects[newer]).ResumeOffset.Should().Be(4);
        PartitionCheckpoint.FromJson(storage.Objects[older]).ResumeOffset.Should().Be(2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ShouldRebuildExactlyTheSameFilesWhenRestartedFromCheckpointsAtRandomPoints(int seed)
    {
        // Out-of-order event times (±25 min around a 2-minute step), a small record bound and an open-hours bound: the
        // interesting cases — files still open across hour changes, size rotation, the open limit — all happen.
        // A one-hour late window (60 records here) lets a crash every 150 records or less still move the resume offset.
        var options = new S3SinkOptions { Table = "t", MaxRecordsPerFile = 7, MaxOpenFilesPerPartition = 3, LateFileWindow = TimeSpan.FromHours(1) };
        var records = Records.Wandering("trips", 600, seed, minutesPerRecord: 2, jitterMinutes: 25);

        var reference = new MemoryStorage();
        await RunAsync(reference, options, records, from: null, to: records.Count, finish: true, new Random(seed));

        var crashed = new MemoryStorage();
        var (restarts, _) = await CrashAndRestartAsync(crashed, options, records, new Random(seed * 31));

        restarts.Should().BeGreaterThan(3);
        var files = crashed.DataFiles();
        files.Should().BeEquivalentTo(reference.DataFiles(), "a replay from a checkpoint rebuilds the same keys with the same records");
        files.Values.SelectMany(o => o).Order().Should().Equal(Enumerable.Range(0, records.Count).Select(i => (long)i), "each record is in exactly one file");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task ShouldRebuildTheSameLateFilesWhenRestartedWhileALateFileHoldsTheResumeOffsetBack(int seed)
    {
        // One in 6 records is up to 4 h late: late files stay open for hours while newer files are uploaded, so checkpoints
        // resume from a late file's first offset, before files already in the lake. Small bounds make late files close by
        // size, by the late window and by the open-hours bound too.
        var options = new S3SinkOptions { Table = "t", MaxRecordsPerFile = 9, MaxOpenFilesPerPartition = 4, LateFileWindow = TimeSpan.FromHours(1) };
        var records = Records.WithLate("trips", 900, seed, minutesPerRecord: 1.5, lateEvery: 6, maxLateMinutes: 240);

        var reference = new MemoryStorage();
        await RunAsync(reference, options, records, from: null, to: records.Count, finish: true, new Random(seed));

        var crashed = new MemoryStorage();
        var (restarts, resumedBehindTheLake) = await CrashAndRestartAsync(crashed, options, records, new Random(seed * 31));

        restarts.Should().BeGreaterThan(3);
        resumedBehindTheLake.Should().BeGreaterThan(0, "some restarts must resume from an open late file older than uploaded files");
        var files = crashed.DataFiles();
        files.Should().BeEquivalentTo(reference.DataFiles(), "a replay from a checkpoint rebuilds the same keys with the same records");
        files.Values.SelectMany(o => o).Order().Should().Equal(Enumerable.Range(0, records.Count).Select(i => (long)i), "each record is in exactly one file");
    }

    /// <summary>
    /// Runs the sink from its stored checkpoints to a random point 1 to 149 records on (then "crashes", sometimes right
    /// after a flush, sometimes with files pending), again and again, then to the end with a final flush.
    /// </summary>
    /// <returns>The restarts, and how many of them resumed before a file already in the lake (which they then rewrite).</returns>
    private static async Task<(int Restarts, int ResumedBehindTheLake)> CrashAndRestartAsync(MemoryStorage storage, S3SinkOptions options, List<SinkRecord> records, Random random)
    {
        var restarts = 0;
        var resumedBehindTheLake = 0;
        while (true)
        {
            var resume = await StoredResumeAsync(storage, options);
            var crashAt = resume + random.Next(1, 150);
            if (crashAt >= records.Count)
            {
                break;
            }
            resumedBehindTheLake += storage.DataFiles().Keys.Any(k => StartOffsetOf(k) > resume) ? 1 : 0;
            await RunAsync(storage, options, records, resume, (int)crashAt, finish: false, random);
            restarts++;
        }
        await RunAsync(storage, options, records, await StoredResumeAsync(storage, options), records.Count, finish: true, random);
        return (restarts, resumedBehindTheLake);
    }

    private static long StartOffsetOf(string key) => long.Parse(key.Split('+')[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> StoredResumeAsync(MemoryStorage storage, S3SinkOptions options)
    {
        var sink = CreateSink(storage, options);
        var stored = await sink.ReadStoredOffsetsAsync([Records.Tp("trips")]);
        return stored.TryGetValue(Records.Tp("trips"), out var offset) ? offset : 0;
    }

    private static async Task RunAsync(MemoryStorage storage, S3SinkOptions options, List<SinkRecord> records, long? from, int to, bool finish, Random random)
    {
        var sink = CreateSink(storage, options);
        var stored = await sink.ReadStoredOffsetsAsync([Records.Tp("trips")]);
        var start = stored.TryGetValue(Records.Tp("trips"), out var offset) ? offset : 0;
        if (from is { } expected)
        {
            start.Should().Be(expected);
        }
        for (var i = (int)start; i < to; i++)
        {
            sink.Append(records[i]);
            // Flush timing differs between runs on purpose: it must not change file boundaries.
            if (sink.IsFlushDue(Now) && random.Next(3) > 0)
            {
                await sink.FlushAsync(all: false);
            }
        }
        if (finish)
        {
            await sink.FlushAsync(all: true);
        }
        else if (random.Next(2) == 0)
        {
            await sink.FlushAsync(all: false); // sometimes the crash comes right after a flush, sometimes with files pending
        }
    }

    private static TopicPartitionWriter CreateWriter(IStorage storage, S3SinkOptions options) =>
        new("trips", 0, options, HourlyPartitioner.Instance, new OffsetListWriterProvider(storage), r => EventTime.Of(r), NullLogger.Instance);

    private static Streaming.Sinks.S3.S3Sink CreateSink(IStorage storage, S3SinkOptions options) =>
        new(options, storage, new OffsetListWriterProvider(storage), NullLogger.Instance,
            retry: new RetryPolicy(ex => ex is StorageException, NullLogger.Instance, baseDelay: TimeSpan.FromMilliseconds(1), maxDelay: TimeSpan.FromMilliseconds(5)));
}
