namespace Streaming.TestSupport;

/// <summary>One record read back from a topic, undecoded.</summary>
/// <param name="Partition">The partition it was read from.</param>
/// <param name="Offset">Its offset in that partition.</param>
/// <param name="Timestamp">The record timestamp, Unix milliseconds.</param>
/// <param name="Key">The key bytes, or null.</param>
/// <param name="Value">The value bytes, or null (a tombstone).</param>
public sealed record TopicRecord(int Partition, long Offset, long Timestamp, byte[]? Key, byte[]? Value)
{
    /// <summary>The key as UTF-8 text, or <c>&lt;null&gt;</c>.</summary>
    public string KeyText => Key is null ? "<null>" : System.Text.Encoding.UTF8.GetString(Key);
}
