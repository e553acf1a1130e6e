namespace Streaming.Runtime;

/// <summary>Store builder factories.</summary>
public static class Stores
{
    /// <summary>An in-memory key-value store with a changelog; configure retention on the returned builder.</summary>
    public static KeyValueStoreBuilder<TKey, TValue> KeyValueStore<TKey, TValue>(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde)
        where TKey : notnull => new(name, keySerde, valueSerde);

    /// <summary>An in-memory window store with a changelog.</summary>
    public static WindowStoreBuilder<TKey, TValue> WindowStore<TKey, TValue>(string name, Serde<TKey> keySerde, Serde<TValue> valueSerde)
        where TKey : notnull => new(name, keySerde, valueSerde);
}
