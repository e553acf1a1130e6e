using Streaming.Contracts.Events;

namespace Streaming.PostgresSink.Tests;

/// <summary>Deterministic result records for the sink tests, with awkward values (non-ASCII, nulls, extremes).</summary>
internal static class TestData
{
    private static readonly string[] s_cities = ["Lisboa", "São Paulo", "Zürich", "東京", "New York", "Kraków"];
    private static readonly string[] s_words = ["idiot", "stupid", "hate", "kill", "ñandú"];
    private const long Start = 1756684800000; // 2025-09-01T00:00:00Z

    public static List<CityHourly> CityHourly(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var start = Start + (i / s_cities.Length) * 3_600_000L;
            var trips = random.Next(1, 500);
            var fareSum = Math.Round(random.NextDouble() * 10_000, 2);
            return new CityHourly(s_cities[i % s_cities.Length], start, start + 3_600_000L, trips, fareSum, fareSum / trips,
                i == 0 ? double.Epsilon : random.NextDouble(), i == 1 ? 1e300 : 100 + random.NextDouble(), random.NextDouble() * 1000, random.NextDouble() * 3600);
        }).ToList();
    }

    public static List<FlaggedMessage> Flagged(int count, int seed, string idPrefix = "m")
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var words = s_words.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
            return new FlaggedMessage($"{idPrefix}-{i:D6}", $"emp-{random.Next(50):D3}", $"emp-{random.Next(50):D3}",
                $"message {i} — {string.Join(" ", words)} \"quoted\", comma; tab\t end", Start + i * 1000L + random.Next(999), words);
        }).ToList();
    }

    /// <summary>Strike statuses for <paramref name="senders"/> senders; as_of moves forward per sender, except every 7th record, which repeats an older time.</summary>
    public static List<StrikeStatus> Strikes(int count, int senders, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var level = Math.Min(i % 11, 10);
            var asOf = Start + (i % 7 == 6 ? i / 2 : i) * 60_000L;
            return new StrikeStatus($"emp-{i % senders:D3}", level, level, Math.Pow(0.9, level),
                level >= 10 ? SenderStatus.Inactive : SenderStatus.Active, level == 0 ? null : asOf + 86_400_000L + random.Next(1000), asOf);
        }).ToList();
    }

    public static Dictionary<(string, long), CityHourly> ExpectedCityHourly(IEnumerable<ProducedRecord<CityHourly>> produced) =>
        produced.GroupBy(r => (r.Value.City, r.Value.WindowStart))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Partition).ThenBy(r => r.Offset).Last().Value);

    public static Dictionary<string, FlaggedMessage> ExpectedFlagged(IEnumerable<ProducedRecord<FlaggedMessage>> produced) =>
        produced.GroupBy(r => r.Value.MessageId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Partition).ThenBy(r => r.Offset).Last().Value);

    public static Dictionary<string, StrikeStatus> ExpectedStrikes(IEnumerable<ProducedRecord<StrikeStatus>> produced) =>
        produced.GroupBy(r => r.Value.SenderId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Value.AsOf).ThenBy(r => r.Offset).Last().Value);
}
