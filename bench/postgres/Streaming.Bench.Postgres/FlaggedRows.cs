using Streaming.Contracts.Events;

namespace Streaming.Bench.Postgres;

/// <summary>Deterministic flagged messages (the widest sink table: text plus a text[] column).</summary>
internal static class FlaggedRows
{
    private static readonly string[] s_words = ["idiot", "stupid", "hate", "kill", "moron", "loser"];

    public static List<FlaggedMessage> Generate(int count, int seed)
    {
        var random = new Random(seed);
        const long start = 1756684800000;
        return Enumerable.Range(0, count).Select(i =>
        {
            var words = s_words.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
            return new FlaggedMessage($"msg-{i:D9}", $"emp-{random.Next(5000):D5}", $"emp-{random.Next(5000):D5}",
                $"message number {i}: you are such a {string.Join(" and ", words)}, see you at the meeting", start + i * 250L, words);
        }).ToList();
    }

    /// <summary>The rows as CSV for <c>\copy … (FORMAT csv)</c>: ISO timestamps and Postgres array literals.</summary>
    public static void WriteCsv(IEnumerable<FlaggedMessage> rows, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var m in rows)
        {
            writer.Write(Quote(m.MessageId));
            writer.Write(',');
            writer.Write(Quote(m.SenderId));
            writer.Write(',');
            writer.Write(Quote(m.ReceiverId));
            writer.Write(',');
            writer.Write(Quote(m.Text));
            writer.Write(',');
            writer.Write(DateTimeOffset.FromUnixTimeMilliseconds(m.SentAt).ToString("yyyy-MM-dd HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Quote("{" + string.Join(',', m.MatchedWords.Select(w => "\"" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}"));
            writer.Write('\n');
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
