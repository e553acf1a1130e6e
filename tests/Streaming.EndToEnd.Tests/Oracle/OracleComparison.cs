using System.Globalization;
using Streaming.Contracts.Events;
using Streaming.EndToEnd.Tests.Support;

namespace Streaming.EndToEnd.Tests.Oracle;

/// <summary>
/// Compares a processor run's outputs with the oracle, record by record, as canonical text lines. Doubles are written
/// in round-trip form ("R"), so two lines are equal only when the doubles are bit-for-bit equal.
/// </summary>
public static class OracleComparison
{
    public static Differences Compare(PipelineRun run, OracleResult oracle)
    {
        var d = new Differences();
        var outputs = run.Outputs;

        // Inputs: the partitioner. The oracle's murmur2 split of the JSONL must equal what the producer wrote.
        foreach (var topic in new[] { "trips", "messages" })
        {
            d.Equal($"{topic} records per partition (broker high watermarks vs oracle's murmur2)",
                string.Join(",", oracle.PartitionSizes[topic]), string.Join(",", run.InputPartitionSizes[topic]));
        }

        // (a) hourly aggregates: all ten fields, doubles bit-exact.
        d.SameMultiset("trips.city-hourly",
            oracle.CityHourly.Select(c => CityLine(c.City, c.WindowStart, c.WindowEnd, c.Trips, c.FareSum, c.FareAvg, c.FareMin, c.FareMax, c.DistanceKmSum, c.AvgDurationS)),
            outputs.CityHourly.Select(o => o.Value).Select(c => CityLine(c.City, c.WindowStart, c.WindowEnd, c.Trips, c.FareSum, c.FareAvg, c.FareMin, c.FareMax, c.DistanceKmSum, c.AvgDurationS)));
        KeysMatch(d, "trips.city-hourly key is City|windowStartMs", outputs.CityHourly, c => $"{c.City}|{c.WindowStart}");

        // (b) strike statuses: the whole sequence per sender, in output order (so also the count and the last one).
        d.SameSequences("senders.strike-status per sender",
            oracle.StrikeStatuses.ToDictionary(kv => kv.Key, kv => kv.Value.Select(s => StrikeLine(s.ActiveStrikes, s.Level, s.SalaryMultiplier, s.Status, s.CooldownUntil, s.AsOf)).ToList()),
            outputs.StrikeStatus.GroupBy(o => o.Value.SenderId).ToDictionary(
                g => g.Key,
                g => g.OrderBy(o => o.Raw.Partition).ThenBy(o => o.Raw.Offset)
                    .Select(o => StrikeLine(o.Value.ActiveStrikes, o.Value.Level, o.Value.SalaryMultiplier, Symbol(o.Value.Status), o.Value.CooldownUntil, o.Value.AsOf)).ToList()));
        d.SameMultiset("senders.strike-status last status per sender",
            oracle.StrikeStatuses.Where(kv => kv.Value.Count > 0).Select(kv => kv.Key + "|" + StrikeLine(kv.Value[^1].ActiveStrikes, kv.Value[^1].Level, kv.Value[^1].SalaryMultiplier, kv.Value[^1].Status, kv.Value[^1].CooldownUntil, kv.Value[^1].AsOf)),
            outputs.StrikeStatus.GroupBy(o => o.Value.SenderId).Select(g => g.OrderBy(o => o.Raw.Offset).Last().Value)
                .Select(s => s.SenderId + "|" + StrikeLine(s.ActiveStrikes, s.Level, s.SalaryMultiplier, Symbol(s.Status), s.CooldownUntil, s.AsOf)));
        KeysMatch(d, "senders.strike-status key is sender_id", outputs.StrikeStatus, s => s.SenderId);
        d.True("senders.strike-status: each sender's statuses in one output partition",
            outputs.StrikeStatus.GroupBy(o => o.Value.SenderId).All(g => g.Select(o => o.Raw.Partition).Distinct().Count() == 1),
            "a sender's statuses are spread over several partitions, so their order is not defined");

        // (c) the record streams.
        d.SameMultiset("trips.clean trip ids", oracle.TripsClean, outputs.TripsClean.Select(o => o.Value.TripId));
        KeysMatch(d, "trips.clean key is trip_id", outputs.TripsClean, t => t.TripId);
        foreach (var (topic, rejected) in new[] { ("trips", outputs.TripsRejected), ("messages", outputs.MessagesRejected) })
        {
            d.Equal($"{topic}.rejected count by reason", Counts(oracle.Rejected[topic].Select(r => r.Reason)), Counts(rejected.Select(o => o.Value.Reason)));
            d.SameMultiset($"{topic}.rejected (source partition|offset|key|reason)",
                oracle.Rejected[topic].Select(r => $"{r.Partition}|{r.Offset}|{r.Key}|{r.Reason}"),
                rejected.Select(o => $"{o.Value.SourcePartition}|{o.Value.SourceOffset}|{Utf8(o.Value.RawKey)}|{o.Value.Reason}"));
            d.True($"{topic}.rejected source topic is {run.Prefix}{topic}", rejected.All(o => o.Value.SourceTopic == run.Prefix + topic),
                $"source topics seen: {string.Join(", ", rejected.Select(o => o.Value.SourceTopic).Distinct())}");
        }
        d.Equal("trips.late count by reason", Counts(oracle.Late["trips"].Select(l => l.Reason)), Counts(outputs.TripsLate.Select(o => Symbol(o.Value.Reason))));
        d.SameMultiset("trips.late (trip id|reason|watermark at arrival)",
            oracle.Late["trips"].Select(l => $"{l.Id}|{l.Reason}|{l.Watermark}"),
            outputs.TripsLate.Select(o => $"{o.Value.Trip.TripId}|{Symbol(o.Value.Reason)}|{o.Value.WatermarkAtArrival}"));
        d.Equal("messages.late count by reason", Counts(oracle.Late["messages"].Select(l => l.Reason)), Counts(outputs.MessagesLate.Select(o => Symbol(o.Value.Reason))));
        d.SameMultiset("messages.late (message id|reason|watermark at arrival)",
            oracle.Late["messages"].Select(l => $"{l.Id}|{l.Reason}|{l.Watermark}"),
            outputs.MessagesLate.Select(o => $"{o.Value.Message.MessageId}|{Symbol(o.Value.Reason)}|{o.Value.WatermarkAtArrival}"));
        d.SameMultiset("messages.flagged (message id|sender|matched words)",
            oracle.Flagged.Select(f => $"{f.MessageId}|{f.SenderId}|{string.Join(",", f.MatchedWords)}"),
            outputs.MessagesFlagged.Select(o => $"{o.Value.MessageId}|{o.Value.SenderId}|{string.Join(",", o.Value.MatchedWords)}"));
        KeysMatch(d, "messages.flagged key is sender_id", outputs.MessagesFlagged, f => f.SenderId);

        // (d) conservation, from the output topics, the oracle and the printed summary.
        var summary = RunSummaryTable.Parse(run.Processor.Stdout);
        CompareConservation(d, run, "trips", oracle.Counters["trips"], summary,
            accepted: outputs.TripsClean.Count,
            beyondHorizon: outputs.TripsLate.Count(o => o.Value.Reason == LateReason.BeyondDedupHorizon),
            rejected: outputs.TripsRejected.Count,
            windowLate: outputs.TripsLate.Count(o => o.Value.Reason == LateReason.WindowClosed));
        CompareConservation(d, run, "messages", oracle.Counters["messages"], summary,
            accepted: null,
            beyondHorizon: outputs.MessagesLate.Count(o => o.Value.Reason == LateReason.BeyondDedupHorizon),
            rejected: outputs.MessagesRejected.Count,
            windowLate: outputs.MessagesLate.Count(o => o.Value.Reason == LateReason.WindowClosed));
        return d;
    }

    private static void CompareConservation(
        Differences d, PipelineRun run, string topic, OracleCounters oracle, Dictionary<string, SummaryRow> summary,
        long? accepted, long beyondHorizon, long rejected, long windowLate)
    {
        var name = run.Prefix + topic;
        d.Equal($"{topic}: oracle in = records of the topic in the JSONL = records on the broker", oracle.In, run.InputPartitionSizes[topic].Sum());
        d.Equal($"{topic}: oracle balances (in = accepted + duplicates + beyond-horizon + rejected)",
            oracle.In, oracle.Accepted + oracle.Duplicates + oracle.BeyondHorizon + oracle.RejectedTotal);
        if (accepted is { } acceptedOut)
        {
            d.Equal($"{topic}: accepted (output topic) vs oracle", oracle.Accepted, acceptedOut);
        }
        d.Equal($"{topic}: beyond-horizon (output topic) vs oracle", oracle.BeyondHorizon, beyondHorizon);
        d.Equal($"{topic}: rejected (output topic) vs oracle", oracle.RejectedTotal, rejected);
        d.Equal($"{topic}: window-late (output topic) vs oracle", oracle.WindowLate, windowLate);
        if (!summary.TryGetValue(name, out var row))
        {
            d.True($"{topic}: summary row", false, $"the printed summary has no row for {name} (rows: {string.Join(", ", summary.Keys)})");
            return;
        }
        d.Equal($"{topic}: summary row (in accepted dupes horizon rejected win-late balance)",
            $"{oracle.In} {oracle.Accepted} {oracle.Duplicates} {oracle.BeyondHorizon} {oracle.RejectedTotal} {oracle.WindowLate} ok",
            $"{row.In} {row.Accepted} {row.Duplicates} {row.BeyondHorizon} {row.Rejected} {row.WindowLate} {row.Balance}");
        d.Equal($"{topic}: summary rejected by reason", Counts(oracle.Rejected), Counts(row.RejectedByReason));
        d.Equal($"{topic}: in = accepted + duplicates + beyond-horizon + rejected, from outputs and summary",
            oracle.In, (accepted ?? row.Accepted) + row.Duplicates + beyondHorizon + rejected);
    }

    private static void KeysMatch<T>(Differences d, string what, List<Output<T>> records, Func<T, string> expectedKey)
    {
        var wrong = records.Where(o => o.Raw.KeyText != expectedKey(o.Value)).Take(5).Select(o => $"key '{o.Raw.KeyText}' for '{expectedKey(o.Value)}'").ToList();
        d.True(what, wrong.Count == 0, string.Join("; ", wrong));
    }

    private static string CityLine(string city, long start, long end, long trips, double fareSum, double fareAvg, double fareMin, double fareMax, double distanceSum, double avgDuration) =>
        $"{city}|{start}|{end}|trips={trips}|fare_sum={R(fareSum)}|fare_avg={R(fareAvg)}|fare_min={R(fareMin)}|fare_max={R(fareMax)}|distance_km_sum={R(distanceSum)}|avg_duration_s={R(avgDuration)}";

    private static string StrikeLine(int active, int level, double salary, string status, long? cooldownUntil, long asOf) =>
        $"active={active}|level={level}|salary={R(salary)}|status={status}|cooldown_until={(cooldownUntil?.ToString(CultureInfo.InvariantCulture) ?? "null")}|as_of={asOf}";

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Symbol(SenderStatus status) => status switch
    {
        SenderStatus.Active => "ACTIVE",
        SenderStatus.Inactive => "INACTIVE",
        _ => status.ToString(),
    };

    private static string Symbol(LateReason reason) => reason switch
    {
        LateReason.WindowClosed => "window_closed",
        LateReason.BeyondDedupHorizon => "beyond_dedup_horizon",
        _ => reason.ToString(),
    };

    private static string Utf8(byte[]? bytes) => bytes is null ? "<null>" : System.Text.Encoding.UTF8.GetString(bytes);

    private static string Counts(IEnumerable<string> reasons) =>
        Counts(reasons.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal));

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
