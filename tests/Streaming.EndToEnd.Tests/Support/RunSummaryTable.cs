using System.Globalization;
using System.Text.RegularExpressions;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// Parses the conservation section of <c>processor run --until-end</c>'s stdout:
/// <code>
///   topic   in  accepted  dupes  horizon  rejected  win-late  balance
///   p.trips 20582 19617 582 20 363 326 ok
///       rejected future_timestamp: 81
/// </code>
/// </summary>
public static partial class RunSummaryTable
{
    public static Dictionary<string, SummaryRow> Parse(string stdout)
    {
        var rows = new Dictionary<string, SummaryRow>(StringComparer.Ordinal);
        var inSection = false;
        SummaryRow? current = null;
        foreach (var line in stdout.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("Conservation", StringComparison.Ordinal))
            {
                inSection = true;
                continue;
            }
            if (!inSection)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                break;
            }
            if (RowPattern().Match(line) is { Success: true } row)
            {
                current = new SummaryRow(row.Groups[1].Value, Long(row, 2), Long(row, 3), Long(row, 4), Long(row, 5), Long(row, 6), Long(row, 7), row.Groups[8].Value);
                rows[current.Topic] = current;
            }
            else if (RejectedPattern().Match(line) is { Success: true } reason && current is not null)
            {
                current.RejectedByReason[reason.Groups[1].Value] = Long(reason, 2);
            }
        }
        if (rows.Count == 0)
        {
            throw new FormatException($"the processor's stdout has no conservation table:\n{stdout}");
        }
        return rows;
    }

    private static long Long(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s*$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^\s+rejected\s+(\S+):\s+(\d+)\s*$")]
    private static partial Regex RejectedPattern();
}
