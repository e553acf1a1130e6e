namespace Streaming.Runtime;

/// <summary>The runtime's side of a store: changelog logging and restore, watermark expiry, close.</summary>
internal interface IManagedStore : IStateStore
{
    bool LoggingEnabled { get; }

    /// <summary>Applies one changelog record without logging it again.</summary>
    void Restore(byte[] key, byte[]? value);

    /// <summary>Writes every entry changed since the last call (latest value per key, or a tombstone).</summary>
    void FlushChangelog(Action<byte[], byte[]?> log);

    /// <summary>Drops entries whose retention the watermark has passed (logged as tombstones).</summary>
    void OnWatermark(long watermark);

    /// <summary>Drops all content (dirty close before a restore).</summary>
    void Clear();
}
