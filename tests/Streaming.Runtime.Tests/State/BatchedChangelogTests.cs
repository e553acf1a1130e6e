using System.Buffers.Binary;
using FluentAssertions;
using Xunit;

namespace Streaming.Runtime.Tests.State;

/// <summary>
/// A store with a batched changelog (one record per flush, expiry not logged) must restore to exactly the entries of the
/// live store, whether the changelog was compacted or not.
/// </summary>
public sealed class BatchedChangelogTests
{
    private const long Hour = 3_600_000;

    private static InMemoryKeyValueStore<string, long> NewStore() =>
        new("seen", Serdes.String, Serdes.Long, comparer: null, loggingEnabled: true, TimeSpan.FromHours(1), (_, ts) => ts, batchedChangelog: true);

    [Fact]
    public void ShouldLogOneRecordPerFlushKeyedBySequenceAndRestoreTheSameEntries()
    {
        var store = NewStore();
        var log = new List<(byte[] Key, byte[]? Value)>();
        store.Put("a", 10);
        store.Put("b", 20);
        store.Put("a", 30);
        store.FlushChangelog((k, v) => log.Add((k, v)));
        store.Put("c", 40);
        store.Delete("b");
        store.FlushChangelog((k, v) => log.Add((k, v)));

        log.Should().HaveCount(2);
        log.Select(r => BinaryPrimitives.ReadInt64BigEndian(r.Key)).Should().Equal(0, 1);
        var restored = NewStore();
        foreach (var (key, value) in log)
        {
            restored.Restore(key, value);
        }
        Entries(restored).Should().Equal("a=30", "c=40");
        Entries(store).Should().Equal("a=30", "c=40");
    }

    [Fact]
    public void ShouldNotLogExpiryAndDeleteABatchOnceTheWatermarkOutlivesIt()
    {
        var store = NewStore();
        var log = new List<(byte[] Key, byte[]? Value)>();
        store.Put("old", 0);
        store.FlushChangelog((k, v) => log.Add((k, v)));
        store.Put("young", 30 * 60_000);
        store.FlushChangelog((k, v) => log.Add((k, v)));

        store.OnWatermark(Hour); // "old" expires: 0 + 1 h <= 1 h
        store.FlushChangelog((k, v) => log.Add((k, v)));

        log.Select(r => (BinaryPrimitives.ReadInt64BigEndian(r.Key), r.Value is null)).Should().Equal((0L, false), (1L, false), (0L, true));
        Entries(store).Should().Equal($"young={30 * 60_000}");
        var restored = NewStore();
        foreach (var (key, value) in log)
        {
            restored.Restore(key, value);
        }
        restored.OnWatermark(Hour);
        Entries(restored).Should().Equal($"young={30 * 60_000}");
    }

    [Fact]
    public void ShouldRefuseABatchedChangelogWithoutRetentionWhenTheTopologyIsBuilt()
    {
        var act = () => Stores.KeyValueStore("seen", Serdes.String, Serdes.Long).WithBatchedChangelog();

        act.Should().Throw<InvalidOperationException>().WithMessage("store 'seen': a batched changelog needs a retention*");
    }

    [Fact]
    public void ShouldRefuseAChangelogWrittenWithoutBatching()
    {
        var act = () => NewStore().Restore("abc"u8.ToArray(), BitConverter.GetBytes(1L));

        act.Should().Throw<ProcessorStateException>().WithMessage("*not a batch sequence number*WithBatchedChangelog*");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void ShouldRestoreExactlyTheLiveEntriesAfterRandomPutsDeletesAndExpiry(int seed, bool compact)
    {
        var random = new Random(seed);
        var store = NewStore();
        var log = new List<(byte[] Key, byte[]? Value)>();
        var watermark = 0L;
        var flushes = 0;
        for (var step = 0; step < 3_000; step++)
        {
            var key = $"k{random.Next(200)}";
            switch (random.Next(10))
            {
                case < 6:
                    // Event times scatter around the watermark, some already behind it.
                    store.Put(key, watermark - Hour + random.NextInt64(3 * Hour));
                    break;
                case 6:
                    store.Delete(key);
                    break;
                case 7:
                    watermark += random.NextInt64(20 * 60_000);
                    store.OnWatermark(watermark);
                    break;
                default:
                    store.FlushChangelog((k, v) => log.Add((k, v)));
                    flushes++;
                    var restored = NewStore();
                    foreach (var (k, v) in compact ? Compacted(log) : log)
                    {
                        restored.Restore(k, v);
                    }
                    restored.OnWatermark(watermark);
                    store.OnWatermark(watermark);
                    Entries(restored).Should().Equal(Entries(store), $"step {step}: a restore must give the live store");
                    break;
            }
        }
        log.Count.Should().BeLessThanOrEqualTo(2 * flushes, "each batch is written once and deleted at most once, whatever its number of keys");
    }

    [Fact]
    public void ShouldSplitAFlushLargerThanTheBatchLimit()
    {
        var store = NewStore();
        var log = new List<(byte[] Key, byte[]? Value)>();
        var bigKey = new string('x', 100_000);
        for (var i = 0; i < 12; i++)
        {
            store.Put(bigKey + i, i);
        }
        store.FlushChangelog((k, v) => log.Add((k, v)));

        log.Should().HaveCountGreaterThan(2);
        log.Should().OnlyContain(r => r.Value!.Length <= ChangelogBatches.MaxBatchBytes);
        var restored = NewStore();
        foreach (var (key, value) in log)
        {
            restored.Restore(key, value);
        }
        restored.ApproximateNumEntries.Should().Be(12);
    }

    // What log compaction may leave: the latest record per key, without keys whose latest record is a tombstone.
    private static List<(byte[] Key, byte[]? Value)> Compacted(List<(byte[] Key, byte[]? Value)> log)
    {
        var latest = new Dictionary<long, int>();
        for (var i = 0; i < log.Count; i++)
        {
            latest[BinaryPrimitives.ReadInt64BigEndian(log[i].Key)] = i;
        }
        return [.. latest.Values.Order().Select(i => log[i]).Where(r => r.Value is not null)];
    }

    private static List<string> Entries(InMemoryKeyValueStore<string, long> store) =>
        [.. store.All().OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")];
}
