namespace Streaming.Contracts.Events;

/// <summary>Content equality for the collection-valued members of the domain records.</summary>
internal static class ValueEquality
{
    public static bool SequenceEqual(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public static int SequenceHash(IReadOnlyList<string>? items)
    {
        if (items is null)
        {
            return 0;
        }
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public static bool BytesEqual(byte[]? a, byte[]? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));

    public static int BytesHash(byte[]? bytes)
    {
        if (bytes is null)
        {
            return 0;
        }
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
