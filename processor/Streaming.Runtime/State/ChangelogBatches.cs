using System.Buffers.Binary;

namespace Streaming.Runtime;

/// <summary>
/// The changelog of a retention store written as one record per flush (a batch) instead of one record per key.
/// </summary>
/// <remarks>
/// <para>Why: a dedup store writes each key once and lets it expire. Logged per key, that costs one record per key and
/// one more tombstone per key when it expires: two sends for every input record.</para>
/// <para>Rules that keep a restore exact:</para>
/// <list type="bullet">
/// <item>A batch is keyed by its sequence number (8 bytes, big-endian) and holds every key written or deleted in one
/// flush, with its latest value or a tombstone. Restore applies batches in changelog order, so the latest write of a
/// key wins.</item>
/// <item>Expiry is not logged. Restore brings an expired entry back, and the store's watermark expiry drops it again.</item>
/// <item>A batch keeps a keep-until time: the largest timestamp among the values it writes and the values it replaces or
/// deletes. Once keep-until + retention ≤ watermark, every value it wrote and every value it superseded has expired, so
/// a restore without it gives the same store. Then the batch is deleted with a tombstone.</item>
/// </list>
/// <para>Value layout: version byte 1, keep-until int64, entry count int32, then per entry key length int32, key bytes,
/// value length int32 (-1 for a tombstone) and value bytes. Numbers are big-endian.</para>
/// </remarks>
internal sealed class ChangelogBatches(string storeName, TimeSpan retention)
{
    private const byte Version = 1;
    private const int HeaderBytes = 1 + 8 + 4;

    // Keeps one record well under the broker's default 1 MB message limit.
    internal const int MaxBatchBytes = 512 * 1024;

    private readonly long _retentionMs = (long)retention.TotalMilliseconds;
    private readonly Dictionary<long, long> _keepUntilBySequence = [];
    // Expiry candidates; entries whose batch was deleted meanwhile are skipped when popped.
    private readonly PriorityQueue<long, long> _expiry = new();
    private long _nextSequence;
    private long _pendingKeepUntil = long.MinValue;

    /// <summary>Notes the timestamp of a value the next batch writes, replaces or deletes.</summary>
    public void NoteWrite(long timestamp) => _pendingKeepUntil = Math.Max(_pendingKeepUntil, timestamp);

    /// <summary>Logs the changed entries as one or more batches, then tombstones for the batches the watermark outlived.</summary>
    public void Flush(IReadOnlyList<(byte[] Key, byte[]? Value)> changes, long watermark, Action<byte[], byte[]?> log)
    {
        var start = 0;
        while (start < changes.Count)
        {
            var end = start;
            var size = HeaderBytes;
            do
            {
                size += EntrySize(changes[end]);
                end++;
            }
            while (end < changes.Count && size + EntrySize(changes[end]) <= MaxBatchBytes);
            var sequence = _nextSequence++;
            log(SequenceKey(sequence), Encode(changes, start, end, size, _pendingKeepUntil));
            Track(sequence, _pendingKeepUntil);
            start = end;
        }
        _pendingKeepUntil = long.MinValue;
        DeleteOutlived(watermark, log);
    }

    /// <summary>Applies one changelog record: each entry of a batch through <paramref name="apply"/>, or a batch deletion.</summary>
    /// <exception cref="ProcessorStateException">The record is not a batch of this format.</exception>
    public void Restore(byte[] key, byte[]? value, Action<byte[], byte[]?> apply)
    {
        if (key.Length != 8)
        {
            throw new ProcessorStateException(
                $"store '{storeName}': changelog key of {key.Length} bytes is not a batch sequence number; the changelog was written without batching. Delete the changelog topic or build the store without WithBatchedChangelog().");
        }
        var sequence = BinaryPrimitives.ReadInt64BigEndian(key);
        _nextSequence = Math.Max(_nextSequence, sequence + 1);
        if (value is null)
        {
            _keepUntilBySequence.Remove(sequence);
            return;
        }
        var keepUntil = Decode(value, apply);
        Track(sequence, keepUntil);
    }

    /// <summary>Forgets everything (dirty close before a restore).</summary>
    public void Clear()
    {
        _keepUntilBySequence.Clear();
        _expiry.Clear();
        _nextSequence = 0;
        _pendingKeepUntil = long.MinValue;
    }

    private void Track(long sequence, long keepUntil)
    {
        _keepUntilBySequence[sequence] = keepUntil;
        _expiry.Enqueue(sequence, keepUntil);
    }

    private void DeleteOutlived(long watermark, Action<byte[], byte[]?> log)
    {
        if (watermark == long.MinValue)
        {
            return;
        }
        while (_expiry.TryPeek(out var sequence, out var keepUntil) && keepUntil <= watermark - _retentionMs)
        {
            _expiry.Dequeue();
            if (_keepUntilBySequence.TryGetValue(sequence, out var current) && current == keepUntil)
            {
                _keepUntilBySequence.Remove(sequence);
                log(SequenceKey(sequence), null);
            }
        }
    }

    private static int EntrySize((byte[] Key, byte[]? Value) entry) => 8 + entry.Key.Length + (entry.Value?.Length ?? 0);

    private static byte[] SequenceKey(long sequence)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(key, sequence);
        return key;
    }

    private static byte[] Encode(IReadOnlyList<(byte[] Key, byte[]? Value)> changes, int start, int end, int size, long keepUntil)
    {
        var buffer = new byte[size];
        buffer[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(1), keepUntil);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(9), end - start);
        var at = HeaderBytes;
        for (var i = start; i < end; i++)
        {
            var (key, value) = changes[i];
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), key.Length);
            key.CopyTo(buffer, at + 4);
            at += 4 + key.Length;
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), value?.Length ?? -1);
            value?.CopyTo(buffer, at + 4);
            at += 4 + (value?.Length ?? 0);
        }
        return buffer;
    }

    private long Decode(byte[] value, Action<byte[], byte[]?> apply)
    {
        var span = value.AsSpan();
        if (span.Length < HeaderBytes || span[0] != Version)
        {
            throw new ProcessorStateException($"store '{storeName}': changelog batch has an unknown format (version byte {(span.Length == 0 ? "missing" : span[0].ToString())}, {span.Length} bytes).");
        }
        var keepUntil = BinaryPrimitives.ReadInt64BigEndian(span[1..]);
        var count = BinaryPrimitives.ReadInt32BigEndian(span[9..]);
        var at = HeaderBytes;
        for (var i = 0; i < count; i++)
        {
            var key = ReadBytes(span, ref at) ?? throw Truncated(value.Length);
            apply(key, ReadBytes(span, ref at));
        }
        if (at != span.Length)
        {
            throw Truncated(value.Length);
        }
        return keepUntil;
    }

    private byte[]? ReadBytes(ReadOnlySpan<byte> span, ref int at)
    {
        if (at + 4 > span.Length)
        {
            throw Truncated(span.Length);
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(span[at..]);
        at += 4;
        if (length < 0)
        {
            return null;
        }
        if (at + length > span.Length)
        {
            throw Truncated(span.Length);
        }
        var bytes = span.Slice(at, length).ToArray();
        at += length;
        return bytes;
    }

    private ProcessorStateException Truncated(int length) =>
        new($"store '{storeName}': changelog batch of {length} bytes is truncated or has trailing bytes.");
}
