using System.Text;

namespace Streaming.Sinks.S3;

/// <summary>
/// Turns a data value (a city, a table or topic name) into exactly one safe path segment, so no value can climb out of
/// the table prefix or add a level: every byte outside <c>[A-Za-z0-9._-]</c> is percent-encoded from its UTF-8 form
/// (<c>/</c> → <c>%2F</c>, control characters → <c>%0A</c>, <c>%</c> itself → <c>%25</c>; a lone UTF-16 surrogate → <c>%uD83D</c>), and the dot-only segments
/// <c>.</c> and <c>..</c> have their dots encoded. Null or empty becomes Hive's <c>__HIVE_DEFAULT_PARTITION__</c>.
/// </summary>
/// <remarks>The encoding is injective, so two different values never share a folder.</remarks>
public static class PathSegment
{
    /// <summary>The segment of a null or empty value (Hive's and Athena's convention).</summary>
    public const string NullValue = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>Encodes <paramref name="value"/> as one path segment.</summary>
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return NullValue;
        }
        // A value that is all dots ('.', '..', '...') would be read as a relative path step by some tools: encode every dot.
        var allDots = value.All(c => c == '.');
        var builder = new StringBuilder(value.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsSafe(c) && !(allDots && c == '.'))
            {
                builder.Append(c);
                continue;
            }
            // Surrogate pairs encode as one code point. A lone surrogate has no UTF-8 form: it becomes %uXXXX, which no
            // UTF-8 escape can equal (those are '%' and two hex digits), so the encoding stays injective.
            if (!Rune.TryGetRuneAt(value, i, out var rune))
            {
                builder.Append("%u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }
            var written = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < written; b++)
            {
                builder.Append('%').Append(utf8[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    /// <summary>A Hive-style partition segment <c>name=value</c> with the value encoded.</summary>
    public static string KeyValue(string name, string? value) => Encode(name) + "=" + Encode(value);

    private static bool IsSafe(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';
}
