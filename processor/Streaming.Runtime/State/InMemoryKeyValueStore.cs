namespace Streaming.Runtime;

/// <summary>
/// Dictionary-backed key-value store. Changes are logged lazily: a dirty-key set is turned into changelog records
/// (latest value or tombstone) at each flush, so a key updated many times per commit interval is logged once. With a
/// batched changelog (<see cref="ChangelogBatches"/>) each flush is one record instead of one per key.
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
    private readonly ChangelogBatches? _batches;
    private long _watermark = long.MinValue;

    public InMemoryKeyValueStore(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde, IEqualityComparer<TKey>? comparer,
        bool loggingEnabled, TimeSpan? retention, Func<TKey, TValue, long>? timestampOf, bool batchedChangelog)
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
        if (batchedChangelog && loggingEnabled)
        {
            _batches = new ChangelogBatches(name, retention
                ?? throw new ArgumentException($"store '{name}': a batched changelog needs a retention (WithRetention).", nameof(retention)));
        }
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
        if (_batches is not null)
        {
            if (_entries.TryGetValue(key, out var replaced))
            {
                _batches.NoteWrite(_timestampOf!(key, replaced));
            }
            _batches.NoteWrite(_timestampOf!(key, value));
        }
        _entries[key] = value;
        TrackExpiry(key, value);
        MarkDirty(key);
    }

    public bool Delete(TKey key)
    {
        if (!_entries.Remove(key, out var removed))
        {
            return false;
        }
        _batches?.NoteWrite(_timestampOf!(key, removed));
        MarkDirty(key);
        return true;
    }

    public IReadOnlyList<KeyValuePair<TKey, TValue>> All() => [.. _entries];

    public void Restore(byte[] key, byte[]? value)
    {
        if (_batches is not null)
        {
            _batches.Restore(key, value, RestoreEntry);
            return;
        }
        RestoreEntry(key, value);
    }

    private void RestoreEntry(byte[] key, byte[]? value)
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
        if (_batches is not null)
        {
            var changes = new List<(byte[], byte[]?)>(_dirty.Count);
            foreach (var key in _dirty)
            {
                changes.Add(SerializeEntry(key));
            }
            _dirty.Clear();
            _batches.Flush(changes, _watermark, log);
            return;
        }
        foreach (var key in _dirty)
        {
            var (keyBytes, valueBytes) = SerializeEntry(key);
            log(keyBytes, valueBytes);
        }
        _dirty.Clear();
    }

    private (byte[] Key, byte[]? Value) SerializeEntry(TKey key)
    {
        var keyBytes = _keySerde.Serialize(key, ChangelogTopicHint, Confluent.Kafka.MessageComponentType.Key)
            ?? throw new ProcessorStateException($"store '{Name}': key serializer returned null for key {key}.");
        return (keyBytes, _entries.TryGetValue(key, out var value) ? _valueSerde.Serialize(value, ChangelogTopicHint) : null);
    }

    public void OnWatermark(long watermark)
    {
        _watermark = Math.Max(_watermark, watermark);
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
                // A batched changelog does not log expiry: restore drops the entry again (see ChangelogBatches).
                if (_batches is null)
                {
                    MarkDirty(key);
                }
            }
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _dirty.Clear();
        _expiry?.Clear();
        _batches?.Clear();
        _watermark = long.MinValue;
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
