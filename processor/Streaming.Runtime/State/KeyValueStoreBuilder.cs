namespace Streaming.Runtime;

/// <summary>Builds in-memory key-value stores.</summary>
public sealed class KeyValueStoreBuilder<TKey, TValue> : StoreBuilder
    where TKey : notnull
{
    private readonly Serde<TKey> _keySerde;
    private readonly Serde<TValue> _valueSerde;
    private IEqualityComparer<TKey>? _comparer;
    private TimeSpan? _retention;
    private Func<TKey, TValue, long>? _timestampOf;
    private bool _batchedChangelog;

    internal KeyValueStoreBuilder(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde) : base(name)
    {
        _keySerde = keySerde ?? throw new ArgumentNullException(nameof(keySerde));
        _valueSerde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
    }

    internal override string Kind => "KeyValueStore";

    /// <summary>
    /// Entries expire when <c>timestampOf(key, value) + retention &lt;= watermark</c> (the task watermark); expiry is
    /// logged to the changelog as tombstones.
    /// </summary>
    public KeyValueStoreBuilder<TKey, TValue> WithRetention(TimeSpan retention, Func<TKey, TValue, long> timestampOf)
    {
        if (retention < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "retention must not be negative.");
        }
        _retention = retention;
        _timestampOf = timestampOf ?? throw new ArgumentNullException(nameof(timestampOf));
        return this;
    }

    /// <summary>
    /// Logs each commit's changes as one changelog record (a batch) instead of one record per key, and does not log
    /// expiry; a batch is deleted once the watermark has outlived everything it wrote or replaced (see
    /// <see cref="ChangelogBatches"/>). For stores of many write-once entries, such as dedup, this removes nearly all
    /// changelog sends. Call <see cref="WithRetention"/> first.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store has no retention.</exception>
    public KeyValueStoreBuilder<TKey, TValue> WithBatchedChangelog()
    {
        if (_retention is null)
        {
            throw new InvalidOperationException($"store '{Name}': a batched changelog needs a retention; call WithRetention before WithBatchedChangelog.");
        }
        _batchedChangelog = true;
        return this;
    }

    /// <summary>Key equality (needed for byte[] keys).</summary>
    public KeyValueStoreBuilder<TKey, TValue> WithKeyComparer(IEqualityComparer<TKey> comparer)
    {
        _comparer = comparer;
        return this;
    }

    /// <summary>No changelog: the store starts empty after every assignment or restart.</summary>
    public KeyValueStoreBuilder<TKey, TValue> WithLoggingDisabled()
    {
        LoggingEnabled = false;
        return this;
    }

    internal override IManagedStore Build() =>
        new InMemoryKeyValueStore<TKey, TValue>(Name, _keySerde, _valueSerde, _comparer, LoggingEnabled, _retention, _timestampOf, _batchedChangelog);
}
