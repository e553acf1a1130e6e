using System.Text.Json;
using Confluent.Kafka;
using Streaming.Contracts.Events;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.S3;

namespace Streaming.S3Sink.Tests;

/// <summary>An in-memory object store; can fail the next N puts to exercise backoff.</summary>
internal sealed class MemoryStorage : IStorage
{
    public Dictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public int FailNextPuts { get; set; }

    public int FailedPuts { get; private set; }

    public string Description => "memory://";

    public async Task PutFileAsync(string key, string localPath, CancellationToken cancellationToken = default) =>
        await PutBytesAsync(key, await File.ReadAllBytesAsync(localPath, cancellationToken), cancellationToken);

    public Task PutBytesAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (FailNextPuts > 0)
        {
            FailNextPuts--;
            FailedPuts++;
            throw new StorageException(key, "injected failure");
        }
        Objects[key] = bytes.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Objects.TryGetValue(key, out var bytes) ? bytes : null);

    /// <summary>Data files (not checkpoints) with the offsets they hold.</summary>
    public SortedDictionary<string, long[]> DataFiles() => new(
        Objects.Where(kv => !kv.Key.Contains("/_checkpoints/", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => JsonSerializer.Deserialize<long[]>(kv.Value)!), StringComparer.Ordinal);
}

/// <summary>Record writers whose "file" is the JSON list of offsets written; size is 100 bytes per record.</summary>
internal sealed class OffsetListWriterProvider(IStorage storage) : IRecordWriterProvider
{
    public string Extension => ".parquet";

    public void Check(SinkRecord record)
    {
    }

    public IRecordWriter Create(string key) => new Writer(key, storage);

    private sealed class Writer(string key, IStorage storage) : IRecordWriter
    {
        private readonly List<long> _offsets = [];

        public string Key => key;

        public long RecordCount => _offsets.Count;

        public long EstimatedBytes => _offsets.Count * 100L;

        public void Write(SinkRecord record) => _offsets.Add(record.Offset);

        public async Task<long> CommitAsync(CancellationToken cancellationToken = default)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(_offsets);
            await storage.PutBytesAsync(key, bytes, cancellationToken);
            return bytes.Length;
        }

        public void Close()
        {
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>Builds decoded trip records of one partition.</summary>
internal static class Records
{
    public static readonly long Start = DateTimeOffset.Parse("2025-09-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public static SinkRecord Trip(string topic, int partition, long offset, long pickupMillis) =>
        new(topic, partition, offset, pickupMillis, null, [],
            new TripEvent("t-" + offset, "Lisbon", pickupMillis, pickupMillis + 600_000, 3.5, 12.25));

    /// <summary>Trips whose event time trends upward with jitter of ±<paramref name="jitterMinutes"/>, so hours overlap.</summary>
    public static List<SinkRecord> Wandering(string topic, int count, int seed, int minutesPerRecord, int jitterMinutes)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => Trip(topic, 0, i, Start + (i * minutesPerRecord * 60_000L) + (random.Next(-jitterMinutes, jitterMinutes + 1) * 60_000L)))
            .ToList();
    }

    /// <summary>
    /// Trips in event-time order, <paramref name="minutesPerRecord"/> apart, except that about one in
    /// <paramref name="lateEvery"/> is late: its event time is 15 min to <paramref name="maxLateMinutes"/> behind the stream,
    /// past the sink's 10 min lateness, as the producer's generator makes late trips.
    /// </summary>
    public static List<SinkRecord> WithLate(string topic, int count, int seed, double minutesPerRecord, int lateEvery, int maxLateMinutes)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i =>
            {
                var onTime = Start + (long)(i * minutesPerRecord * 60_000);
                var behind = random.Next(lateEvery) == 0 ? random.Next(15, maxLateMinutes + 1) * 60_000L : random.Next(0, 120_000);
                return Trip(topic, 0, i, Math.Max(Start, onTime - behind));
            })
            .ToList();
    }

    public static TopicPartition Tp(string topic) => new(topic, new Partition(0));
}
