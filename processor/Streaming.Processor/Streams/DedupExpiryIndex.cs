namespace Streaming.Processor.Streams;

/// <summary>
/// The ids of a dedup store ordered by when they are forgotten (<c>event time + dedup_retention</c>), so that a
/// watermark step finds the ids due for purging without scanning the store: Streamiz 1.8.2's in-memory key-value
/// store is a hash map, whose <c>Range</c> sorts a copy of the whole map.
/// </summary>
/// <remarks>
/// Held in memory only and rebuilt from the store after a start or restore; the store stays the truth. An id may be
/// listed with an expiry its stored entry no longer has (the entry was overwritten by a later first occurrence): the
/// caller checks the stored entry before it deletes.
/// </remarks>
public sealed class DedupExpiryIndex
{
    private readonly SortedSet<(long ExpiresAt, string Id)> _byExpiry = new();

    public int Count => _byExpiry.Count;

    public void Add(long expiresAt, string id) => _byExpiry.Add((expiresAt, id));

    /// <summary>Removes and returns the ids listed with an expiry at or before <paramref name="watermark"/>, earliest first.</summary>
    /// <remarks>Called on every watermark step, so the common case, nothing due, allocates nothing.</remarks>
    public IReadOnlyList<string> TakeDue(long watermark)
    {
        if (_byExpiry.Count == 0 || _byExpiry.Min.ExpiresAt > watermark)
        {
            return [];
        }
        var due = new List<string>();
        while (_byExpiry.Count > 0 && _byExpiry.Min.ExpiresAt <= watermark)
        {
            var first = _byExpiry.Min;
            _byExpiry.Remove(first);
            due.Add(first.Id);
        }
        return due;
    }
}
