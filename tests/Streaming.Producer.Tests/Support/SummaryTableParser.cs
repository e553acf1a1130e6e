namespace Streaming.Producer.Tests.Support;

/// <summary>Reads the plain summary table the producer prints: a header starting with "kind", rows per kind, then "total".</summary>
internal static class SummaryTableParser
{
    /// <returns>Counts keyed by (row, column), e.g. ("clean", "trips").</returns>
    public static Dictionary<(string Row, string Column), long> Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var headerIndex = Array.FindLastIndex(lines, l => l.StartsWith("kind ", StringComparison.Ordinal));
        if (headerIndex < 0)
        {
            throw new FormatException("no summary table (a line starting with 'kind') in the output:\n" + output);
        }
        var columns = lines[headerIndex].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var counts = new Dictionary<(string, string), long>();
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != columns.Length)
            {
                break;
            }
            for (var c = 1; c < cells.Length; c++)
            {
                counts[(cells[0], columns[c])] = long.Parse(cells[c], System.Globalization.CultureInfo.InvariantCulture);
            }
            if (cells[0] == "total")
            {
                break;
            }
        }
        return counts;
    }
}
