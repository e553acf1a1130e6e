using System.Text;
using Streaming.TestSupport;

namespace Streaming.Producer.Tests.Support;

/// <summary>The processor's tokenization (DESIGN §4): maximal runs of Unicode letters, digits and apostrophes, lowercased.</summary>
internal static class Tokens
{
    private static readonly Lazy<HashSet<string>> s_marked = new(() => ReadWordList("marked-words.txt"));

    public static HashSet<string> MarkedWords => s_marked.Value;

    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value == '\'')
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString().ToLowerInvariant());
        }
        return tokens;
    }

    public static bool IsFlagged(string text) => Of(text).Any(MarkedWords.Contains);

    public static HashSet<string> ReadWordList(string fileName) =>
        File.ReadLines(RepoPaths.Combine("data", fileName))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
}
