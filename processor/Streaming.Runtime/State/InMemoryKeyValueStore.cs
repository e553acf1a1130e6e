namespace Streaming.Runtime;

/// <summary>
/// Dictionary-backed key-value store. Changes are logged lazily: a dirty-key set is turned into changelog records
/// (latest value or tombstone) at each flush, so a key updated many times per commit interval is logged once.
/// </summary>
internal sealed class InMemoryKeyValueStore<TKey, TValue> : IKeyValueStore<TKey, TValue>, IManagedStore
    where TKey : notnull
{
    private readonly Serde<TKey> _keySerde;
    private readonly Serde<TValue> _valueSerde;
    private readonly Dictionary<TKey, TValue> _entries;
    private readonly HashSet<TKey> _dirty;
    private readonly TimeSpan? _retention;
    private readonly Func<TKey, TValue, long>? _timestampOf;
    // Expiry candidates by timestamp; stale entries (key re-put or deleted since) are skipped when popped.
    private readonly PriorityQueue<TKey, long>? _expiry;

    public InMemoryKeyValueStore(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde, IEqualityComparer<TKey>? comparer,
        bool loggingEnabled, TimeSpan? retention, Func<TKey, TValue, long>? timestampOf)
    {
        Name = name;
        _keySerde = keySerde;
        _valueSerde = valueSerde;
        _entries = new Dictionary<TKey, TValue>(comparer);
        _dirty = new HashSet<TKey>(comparer);
        LoggingEnabled = loggingEnabled;
        _retention = retention;
        _timestampOf = timestampOf;
        _expiry = retention is null ? null : new PriorityQueue<TKey, long>();
    }

    public string Name { get; }

    public bool LoggingEnabled { get; }

    public long ApproximateNumEntries => _entries.Count;

    private string ChangelogTopicHint => Name;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    public TValue? Get(TKey key) => _entries.TryGetValue(key, out var value) ? value : default;

    public void Put(TKey key, TValue value)
    {
        if (value is null)
        {
            Delete(key);
            return;
        }
        _entries[key] = value;
        TrackExpiry(key, value);
        MarkDirty(key);
    }

    public bool Delete(TKey key)
    {
        if (!_entries.Remove(key))
        {
            return false;
        }
        MarkDirty(key);
        return true;
    }

    public IReadOnlyList<KeyValuePair<TKey, TValue>> All() => [.. _entries];

    public void Restore(byte[] key, byte[]? value)
    {
        var k = _keySerde.Deserialize(key, ChangelogTopicHint, Confluent.Kafka.MessageComponentType.Key);
        if (value is null)
        {
            _entries.Remove(k);
            return;
        }
        var v = _valueSerde.Deserialize(value, ChangelogTopicHint);
        _entries[k] = v;
        TrackExpiry(k, v);
    }

    public void FlushChangelog(Action<byte[], byte[]?> log)
    {
        if (_dirty.Count == 0)
        {
            return;
        }
        foreach (var key in _dirty)
        {
            var keyBytes = _keySerde.Serialize(key, ChangelogTopicHint, Confluent.Kafka.MessageComponentType.Key)
                ?? throw new ProcessorStateException($"store '{Name}': key serializer returned null for key {key}.");
            log(keyBytes, _entries.TryGetValue(key, out var value) ? _valueSerde.Serialize(value, ChangelogTopicHint) : null);
        }
        _dirty.Clear();
    }

    public void OnWatermark(long watermark)
    {
        if (_expiry is null || watermark == long.MinValue)
        {
            return;
        }
        var retentionMs = (long)_retention!.Value.TotalMilliseconds;
        while (_expiry.TryPeek(out var key, out var timestamp) && timestamp + retentionMs <= watermark)
        {
            _expiry.Dequeue();
            if (_entries.TryGetValue(key, out var value) && _timestampOf!(key, value) + retentionMs <= watermark)
            {
                _entries.Remove(key);
                MarkDirty(key);
            }
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _dirty.Clear();
        _expiry?.Clear();
    }

    private void TrackExpiry(TKey key, TValue value)
    {
        _expiry?.Enqueue(key, _timestampOf!(key, value));
    }

    private void MarkDirty(TKey key)
    {
        if (LoggingEnabled)
        {
            _dirty.Add(key);
        }
    }
}
