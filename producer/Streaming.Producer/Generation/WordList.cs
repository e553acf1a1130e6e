using System.Text;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Generation;

/// <summary>
/// A word list file (data/vocabulary.txt, data/marked-words.txt): plain UTF-8, one lowercase word per line, blank
/// lines and lines starting with '#' ignored. Each word must be a single token as the processor tokenizes text
/// (letters, digits and apostrophes), so a planted word is matched whole.
/// </summary>
public sealed class WordList
{
    private WordList(string path, IReadOnlyList<string> words)
    {
        Path = path;
        Words = words;
    }

    /// <summary>The file the words came from.</summary>
    public string Path { get; }

    /// <summary>The words in file order, without duplicates.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Reads a word list.</summary>
    /// <exception cref="UsageException">The file is missing, empty, or a line is not a single lowercase token.</exception>
    public static WordList Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"word list '{path}' does not exist: pass the file's path or run from the repository root.");
        }
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (!IsSingleToken(line) || !string.Equals(line, line.ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw new UsageException($"word list '{path}' line {lineNumber}: '{line}' is not one lowercase word of letters, digits and apostrophes; fix the line.");
            }
            if (seen.Add(line))
            {
                words.Add(line);
            }
        }
        if (words.Count == 0)
        {
            throw new UsageException($"word list '{path}' holds no words; add one word per line.");
        }
        return new WordList(path, words);
    }

    /// <summary>
    /// Locates a data file: the explicit path when given, else <c>data/{fileName}</c> under the current directory, else
    /// under the executable's folder (the build copies the repository's data files there).
    /// </summary>
    public static string Locate(string? explicitPath, string fileName)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }
        var fromCurrent = System.IO.Path.Combine(Directory.GetCurrentDirectory(), "data", fileName);
        if (File.Exists(fromCurrent))
        {
            return fromCurrent;
        }
        return System.IO.Path.Combine(AppContext.BaseDirectory, "data", fileName);
    }

    /// <summary>True when the text is one token under the processor's rule: only letters, digits and apostrophes.</summary>
    public static bool IsSingleToken(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && rune.Value != '\'')
            {
                return false;
            }
        }
        return true;
    }
}
