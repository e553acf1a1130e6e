using System.Globalization;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Hosting;

/// <summary>Prints the run summary of a bounded run: conservation per input topic, top cities, top strikers.</summary>
public static class RunSummaryPrinter
{
    public static void Print(RunSummary summary, TimeSpan? processingTime, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var conservation = summary.Conservation();
        var width = Math.Max(10, conservation.Select(t => t.Topic.Length).DefaultIfEmpty(0).Max());
        output.WriteLine("Conservation (records in = accepted + duplicates + beyond-horizon + rejected)");
        output.WriteLine($"  {"topic".PadRight(width)} {"in",9} {"accepted",9} {"dupes",7} {"horizon",8} {"rejected",9} {"win-late",9}  balance");
        foreach (var t in conservation)
        {
            output.WriteLine(string.Create(c,
                $"  {t.Topic.PadRight(width)} {t.In,9} {t.Accepted,9} {t.Duplicates,7} {t.BeyondHorizon,8} {t.Rejected,9} {t.WindowLate,9}  {(t.Balances ? "ok" : "BROKEN")}"));
            foreach (var (reason, count) in t.RejectedByReason.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(c, $"      rejected {reason}: {count}"));
            }
        }
        if (summary.ReplayedPartials > 0)
        {
            // Only after an at_least_once restart: what the previous run had read again, and nothing was counted twice.
            output.WriteLine(string.Create(c, $"  replayed city partials not merged again: {summary.ReplayedPartials}"));
        }
        output.WriteLine();
        output.WriteLine("Top cities by trips (emitted hourly windows)");
        output.WriteLine($"  {"city",-12} {"trips",8} {"windows",8} {"avg fare",9}");
        foreach (var (city, totals) in summary.TopCities(8))
        {
            output.WriteLine(string.Create(c, $"  {city,-12} {totals.Trips,8} {totals.Windows,8} {totals.FareAvg,9:F2}"));
        }
        output.WriteLine();
        output.WriteLine("Top senders by strikes");
        output.WriteLine($"  {"sender",-14} {"strikes",8} {"active",7} {"level",6} {"salary",7} {"status",-9}");
        foreach (var s in summary.TopStrikers(10))
        {
            output.WriteLine(string.Create(c,
                $"  {s.Latest.SenderId,-14} {s.Strikes,8} {s.Latest.ActiveStrikes,7} {s.Latest.Level,6} {s.Latest.SalaryMultiplier,7:F3} {Contracts.Events.EnumSymbols.ToSymbol(s.Latest.Status),-9}"));
        }
        if (processingTime is { } time)
        {
            var records = conservation.Sum(t => t.In);
            output.WriteLine();
            output.WriteLine(string.Create(c,
                $"Throughput: {records} input records in {time.TotalSeconds:F2} s from the first record to the end ({records / Math.Max(time.TotalSeconds, 0.001):F0} records/s)"));
        }
    }
}
