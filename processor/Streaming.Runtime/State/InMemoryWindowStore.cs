using System.Buffers.Binary;

namespace Streaming.Runtime;

/// <summary>
/// Window store: windows by start time, then keys. Changelog key = 8-byte big-endian window start + key bytes.
/// Logged lazily like <see cref="InMemoryKeyValueStore{TKey, TValue}"/>.
/// </summary>
internal sealed class InMemoryWindowStore<TKey, TValue> : IWindowStore<TKey, TValue>, IManagedStore
    where TKey : notnull
{
    private readonly Serde<TKey> _keySerde;
    private readonly Serde<TValue> _valueSerde;
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly SortedDictionary<long, Dictionary<TKey, TValue>> _windows = new();
    private readonly HashSet<(TKey Key, long Start)> _dirty;
    private readonly TimeSpan? _retention;
    private long _count;

    public InMemoryWindowStore(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde, IEqualityComparer<TKey>? comparer, bool loggingEnabled, TimeSpan? retention)
    {
        Name = name;
        _keySerde = keySerde;
        _valueSerde = valueSerde;
        _comparer = comparer;
        LoggingEnabled = loggingEnabled;
        _retention = retention;
        _dirty = new HashSet<(TKey, long)>(new KeyStartComparer(comparer ?? EqualityComparer<TKey>.Default));
    }

    public string Name { get; }

    public bool LoggingEnabled { get; }

    public long ApproximateNumEntries => _count;

    public void Put(TKey key, TValue value, long windowStart)
    {
        if (value is null)
        {
            Delete(key, windowStart);
            return;
        }
        if (!_windows.TryGetValue(windowStart, out var byKey))
        {
            byKey = new Dictionary<TKey, TValue>(_comparer);
            _windows.Add(windowStart, byKey);
        }
        if (!byKey.ContainsKey(key))
        {
            _count++;
        }
        byKey[key] = value;
        MarkDirty(key, windowStart);
    }

    public bool TryFetch(TKey key, long windowStart, out TValue value)
    {
        if (_windows.TryGetValue(windowStart, out var byKey) && byKey.TryGetValue(key, out value!))
        {
            return true;
        }
        value = default!;
        return false;
    }

    public bool Delete(TKey key, long windowStart)
    {
        if (!_windows.TryGetValue(windowStart, out var byKey) || !byKey.Remove(key))
        {
            return false;
        }
        _count--;
        if (byKey.Count == 0)
        {
            _windows.Remove(windowStart);
        }
        MarkDirty(key, windowStart);
        return true;
    }

    public IReadOnlyList<WindowedEntry<TKey, TValue>> FetchAll(long windowStartFrom, long windowStartTo)
    {
        var result = new List<WindowedEntry<TKey, TValue>>();
        foreach (var (start, byKey) in _windows)
        {
            if (start > windowStartTo)
            {
                break;
            }
            if (start < windowStartFrom)
            {
                continue;
            }
            foreach (var (key, value) in byKey)
            {
                result.Add(new WindowedEntry<TKey, TValue>(key, start, value));
            }
        }
        return result;
    }

    public IReadOnlyList<WindowedEntry<TKey, TValue>> All() => FetchAll(long.MinValue, long.MaxValue);

    public void Restore(byte[] key, byte[]? value)
    {
        if (key.Length < 8)
        {
            throw new ProcessorStateException($"store '{Name}': changelog key of {key.Length} bytes is shorter than the 8-byte window start.");
        }
        var start = BinaryPrimitives.ReadInt64BigEndian(key);
        var k = _keySerde.Deserialize(key[8..], Name, Confluent.Kafka.MessageComponentType.Key);
        if (value is null)
        {
            if (_windows.TryGetValue(start, out var byKey) && byKey.Remove(k))
            {
                _count--;
                if (byKey.Count == 0)
                {
                    _windows.Remove(start);
                }
            }
            return;
        }
        if (!_windows.TryGetValue(start, out var window))
        {
            window = new Dictionary<TKey, TValue>(_comparer);
            _windows.Add(start, window);
        }
        if (!window.ContainsKey(k))
        {
            _count++;
        }
        window[k] = _valueSerde.Deserialize(value, Name);
    }

    public void FlushChangelog(Action<byte[], byte[]?> log)
    {
        if (_dirty.Count == 0)
        {
            return;
        }
        foreach (var (key, start) in _dirty)
        {
            var keyBytes = _keySerde.Serialize(key, Name, Confluent.Kafka.MessageComponentType.Key)
                ?? throw new ProcessorStateException($"store '{Name}': key serializer returned null for key {key}.");
            var changelogKey = new byte[8 + keyBytes.Length];
            BinaryPrimitives.WriteInt64BigEndian(changelogKey, start);
            keyBytes.CopyTo(changelogKey.AsSpan(8));
            log(changelogKey, TryFetch(key, start, out var value) ? _valueSerde.Serialize(value, Name) : null);
        }
        _dirty.Clear();
    }

    public void OnWatermark(long watermark)
    {
        if (_retention is null || watermark == long.MinValue)
        {
            return;
        }
        var retentionMs = (long)_retention.Value.TotalMilliseconds;
        while (_windows.Count > 0)
        {
            var (start, byKey) = _windows.First();
            if (start + retentionMs > watermark)
            {
                break;
            }
            _windows.Remove(start);
            _count -= byKey.Count;
            foreach (var key in byKey.Keys)
            {
                MarkDirty(key, start);
            }
        }
    }

    public void Clear()
    {
        _windows.Clear();
        _dirty.Clear();
        _count = 0;
    }

    private void MarkDirty(TKey key, long start)
    {
        if (LoggingEnabled)
        {
            _dirty.Add((key, start));
        }
    }

    private sealed class KeyStartComparer(IEqualityComparer<TKey> keys) : IEqualityComparer<(TKey Key, long Start)>
    {
        public bool Equals((TKey Key, long Start) x, (TKey Key, long Start) y) => x.Start == y.Start && keys.Equals(x.Key, y.Key);

        public int GetHashCode((TKey Key, long Start) obj) => HashCode.Combine(keys.GetHashCode(obj.Key), obj.Start);
    }
}
