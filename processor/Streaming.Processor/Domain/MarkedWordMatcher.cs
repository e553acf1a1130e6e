using Streaming.Contracts.Configuration;

namespace Streaming.Processor.Domain;

/// <summary>
/// Finds the marked words in a message text (DESIGN §4, Strikes): the distinct tokens of the text
/// (<see cref="MarkedWordTokenizer"/>) that are marked words, in order of first appearance.
/// </summary>
/// <remarks>Immutable after construction; safe to share between tasks and threads.</remarks>
public sealed class MarkedWordMatcher
{
    private readonly HashSet<string> _words;

    /// <summary>Creates a matcher from marked words; each is lower-cased and trimmed, blanks are ignored.</summary>
    /// <exception cref="FormatException">A word is not exactly one token, so it could never match; the message quotes it.</exception>
    public MarkedWordMatcher(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in words)
        {
            var word = raw?.Trim() ?? string.Empty;
            if (word.Length == 0)
            {
                continue;
            }
            _words.Add(ToSingleToken(word));
        }
    }

    /// <summary>Number of distinct marked words.</summary>
    public int Count => _words.Count;

    /// <summary>True when <paramref name="word"/> (any case) is a marked word.</summary>
    public bool IsMarked(string word) => word is not null && _words.Contains(word.ToLowerInvariant());

    /// <summary>
    /// Parses the marked-words file format: one word per line; blank lines and lines whose first non-blank character is
    /// <c>#</c> are ignored; surrounding whitespace is trimmed.
    /// </summary>
    /// <exception cref="FormatException">A line holds more than one token; the message gives the line number.</exception>
    public static MarkedWordMatcher Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var words = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            try
            {
                words.Add(ToSingleToken(trimmed));
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {number}: {e.Message}", e);
            }
        }
        return new MarkedWordMatcher(words);
    }

    /// <summary>Loads the marked-words file (format: <see cref="Parse"/>).</summary>
    /// <param name="path">The file path, e.g. <see cref="ProcessorOptions.MarkedWordsFile"/>.</param>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or malformed; the message names <see cref="ProcessorOptions.MarkedWordsFileKey"/> and the path.</exception>
    public static MarkedWordMatcher FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ConfigurationException(
                ProcessorOptions.MarkedWordsFileKey, $"The marked-words file {full} ({ProcessorOptions.MarkedWordsFileKey}) does not exist.");
        }
        try
        {
            return Parse(File.ReadLines(full));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                ProcessorOptions.MarkedWordsFileKey, $"The marked-words file {full} ({ProcessorOptions.MarkedWordsFileKey}) cannot be used: {e.Message}");
        }
    }

    /// <summary>The distinct marked words of a text, lower-cased, in order of first appearance; empty when none.</summary>
    public IReadOnlyList<string> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? matched = null;
        foreach (var token in MarkedWordTokenizer.Tokenize(text))
        {
            if (_words.Contains(token))
            {
                matched ??= [];
                if (!matched.Contains(token, StringComparer.Ordinal))
                {
                    matched.Add(token);
                }
            }
        }
        return matched is null ? [] : matched;
    }

    private static string ToSingleToken(string word)
    {
        var tokens = MarkedWordTokenizer.Tokenize(word).Take(2).ToList();
        if (tokens.Count != 1 || tokens[0].Length != word.Length)
        {
            throw new FormatException(
                $"marked word '{word}' is not a single token (letters, digits and apostrophes only), so it could never match.");
        }
        return tokens[0];
    }
}
