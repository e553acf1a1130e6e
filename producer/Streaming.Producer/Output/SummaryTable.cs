using System.Globalization;
using System.Text;
using Spectre.Console;
using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>
/// The end-of-run table of records confirmed, by kind (rows) and destination (columns). Plain text is fixed-width:
/// a header line starting with <c>kind</c>, one line per kind, then <c>total</c>.
/// </summary>
internal static class SummaryTable
{
    /// <summary>Writes the table as plain text, one column per stream of <paramref name="streams"/>.</summary>
    public static void WritePlain(TextWriter output, SendCounts counts, IReadOnlyList<EventStream> streams, Func<EventStream, string> destination)
    {
        var rows = Rows(counts, streams, destination);
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadLeft(widths[c]));
            }
            output.WriteLine(line.ToString());
        }
    }

    /// <summary>Writes the table with Spectre.Console.</summary>
    public static void WriteLive(IAnsiConsole console, SendCounts counts, IReadOnlyList<EventStream> streams, Func<EventStream, string> destination)
    {
        var rows = Rows(counts, streams, destination);
        var table = new Table().Border(TableBorder.Rounded);
        for (var c = 0; c < rows[0].Length; c++)
        {
            var column = new TableColumn(Markup.Escape(rows[0][c]));
            table.AddColumn(c == 0 ? column : column.RightAligned());
        }
        foreach (var row in rows.Skip(1))
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
    }

    private static List<string[]> Rows(SendCounts counts, IReadOnlyList<EventStream> streams, Func<EventStream, string> destination)
    {
        List<string[]> rows = [["kind", .. streams.Select(destination), "total"]];
        foreach (var kind in RecordKinds.All)
        {
            rows.Add([kind.ToText(), .. streams.Select(s => Number(counts.Get(s, kind))), Number(streams.Sum(s => counts.Get(s, kind)))]);
        }
        rows.Add(["total", .. streams.Select(s => Number(counts.Get(s))), Number(streams.Sum(counts.Get))]);
        return rows;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
