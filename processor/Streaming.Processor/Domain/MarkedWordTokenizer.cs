using System.Text;

namespace Streaming.Processor.Domain;

/// <summary>
/// Splits text into tokens (DESIGN §4, Strikes): maximal runs of Unicode letters, decimal digits and apostrophes
/// (U+0027 ' and U+2019 ’), lower-cased with <see cref="string.ToLowerInvariant()"/>. Everything else separates tokens.
/// </summary>
/// <remarks>
/// <para>Letters and digits are <see cref="Rune.IsLetterOrDigit"/> (categories L* and Nd), judged per Unicode scalar, so
/// letters outside the Basic Multilingual Plane (surrogate pairs) stay inside a token. Unpaired surrogates separate.</para>
/// <para>Taken literally from the contract: apostrophes are kept as they are (<c>don’t</c> and <c>don't</c> are
/// different tokens, and <c>'hey'</c> is one token with its quotes); no Unicode normalization is applied, so a combining
/// accent (category Mn) splits a token.</para>
/// </remarks>
public static class MarkedWordTokenizer
{
    /// <summary>True for a scalar that belongs inside a token.</summary>
    public static bool IsTokenRune(Rune rune) => Rune.IsLetterOrDigit(rune) || rune.Value == '\'' || rune.Value == '\u2019';

    /// <summary>The lower-cased tokens of a text, in order, with repeats.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TokenizeIterator(text);
    }

    private static IEnumerable<string> TokenizeIterator(string text)
    {
        var start = -1;
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            var inToken = status == System.Buffers.OperationStatus.Done && IsTokenRune(rune);
            if (inToken && start < 0)
            {
                start = index;
            }
            else if (!inToken && start >= 0)
            {
                yield return text[start..index].ToLowerInvariant();
                start = -1;
            }
            index += consumed;
        }
        if (start >= 0)
        {
            yield return text[start..].ToLowerInvariant();
        }
    }
}
