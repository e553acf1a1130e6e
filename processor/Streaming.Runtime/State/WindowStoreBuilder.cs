namespace Streaming.Runtime;

/// <summary>Builds in-memory window stores.</summary>
public sealed class WindowStoreBuilder<TKey, TValue> : StoreBuilder
    where TKey : notnull
{
    private readonly Serde<TKey> _keySerde;
    private readonly Serde<TValue> _valueSerde;
    private IEqualityComparer<TKey>? _comparer;
    private TimeSpan? _retention;

    internal WindowStoreBuilder(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde) : base(name)
    {
        _keySerde = keySerde ?? throw new ArgumentNullException(nameof(keySerde));
        _valueSerde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
    }

    internal override string Kind => "WindowStore";

    /// <summary>Windows expire when <c>windowStart + retention &lt;= watermark</c>; expiry is logged as tombstones.</summary>
    public WindowStoreBuilder<TKey, TValue> WithRetention(TimeSpan retention)
    {
        if (retention < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "retention must not be negative.");
        }
        _retention = retention;
        return this;
    }

    /// <summary>Key equality (needed for byte[] keys).</summary>
    public WindowStoreBuilder<TKey, TValue> WithKeyComparer(IEqualityComparer<TKey> comparer)
    {
        _comparer = comparer;
        return this;
    }

    /// <summary>No changelog.</summary>
    public WindowStoreBuilder<TKey, TValue> WithLoggingDisabled()
    {
        LoggingEnabled = false;
        return this;
    }

    internal override IManagedStore Build() => new InMemoryWindowStore<TKey, TValue>(Name, _keySerde, _valueSerde, _comparer, LoggingEnabled, _retention);
}
