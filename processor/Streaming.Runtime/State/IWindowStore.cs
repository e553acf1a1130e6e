namespace Streaming.Runtime;

/// <summary>An entry of a window store: the key, the window start (epoch ms) and the value.</summary>
public readonly record struct WindowedEntry<TKey, TValue>(TKey Key, long WindowStart, TValue Value);

/// <summary>A store of values per (key, window start). Fetches return snapshots ordered by window start.</summary>
public interface IWindowStore<TKey, TValue> : IStateStore
    where TKey : notnull
{
    /// <summary>Inserts or replaces the value of a window; a null value deletes.</summary>
    void Put(TKey key, TValue value, long windowStart);

    /// <summary>Looks up one window.</summary>
    bool TryFetch(TKey key, long windowStart, out TValue value);

    /// <summary>Removes one window; returns whether it was present.</summary>
    bool Delete(TKey key, long windowStart);

    /// <summary>All windows with start in [<paramref name="windowStartFrom"/>, <paramref name="windowStartTo"/>], by start, then key insertion order.</summary>
    IReadOnlyList<WindowedEntry<TKey, TValue>> FetchAll(long windowStartFrom, long windowStartTo);

    /// <summary>All windows, by start.</summary>
    IReadOnlyList<WindowedEntry<TKey, TValue>> All();
}
