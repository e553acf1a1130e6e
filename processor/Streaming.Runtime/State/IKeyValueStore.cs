namespace Streaming.Runtime;

/// <summary>A key-value store. Iteration order of <see cref="All"/> is unspecified; sort if output order matters.</summary>
public interface IKeyValueStore<TKey, TValue> : IStateStore
    where TKey : notnull
{
    /// <summary>Looks up a key.</summary>
    bool TryGet(TKey key, out TValue value);

    /// <summary>The value of a key, or default.</summary>
    TValue? Get(TKey key);

    /// <summary>Inserts or replaces; a null value deletes.</summary>
    void Put(TKey key, TValue value);

    /// <summary>Removes a key; returns whether it was present.</summary>
    bool Delete(TKey key);

    /// <summary>A snapshot of all entries (safe to modify the store while iterating).</summary>
    IReadOnlyList<KeyValuePair<TKey, TValue>> All();
}
