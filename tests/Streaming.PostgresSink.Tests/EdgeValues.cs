using Streaming.Contracts.Events;

namespace Streaming.PostgresSink.Tests;

/// <summary>Values at the edges of what each column holds: non-ASCII text, empty arrays, extreme numbers and timestamps.</summary>
internal static class EdgeValues
{
    // The range the sink writes to timestamptz columns: DateTime's years 1 to 9999.
    public const long MinMillis = -62_135_596_800_000;
    public const long MaxMillis = 253_402_300_799_999;

    public static List<FlaggedMessage> Flagged() =>
    [
        new("edge-ascii", "emp-1", "emp-2", "plain text", 0, ["idiot"]),
        new("edge-ünïcødé-日本-🎉", "émp-é", "emp-ß", "Grüße aus Köln, 日本語のテキスト, emoji 🎉🚀", 1_756_684_800_123, ["hate", "kill", "moron"]),
        new("edge-empty", "", "", "", -1, []),
        new("edge-quotes", "emp-\"q\"", "emp-\\b", "{\"a,b\"} NULL \\N \t tab", MinMillis, ["{\"a,b\"}", "NULL", "", "back\\slash"]),
        new("edge-max", "emp-9", "emp-8", new string('x', 10_000), MaxMillis, [.. Enumerable.Range(0, 50).Select(i => $"w{i}")]),
    ];

    public static List<CityHourly> CityHourly() =>
    [
        new("Zürich", 0, 3_600_000, long.MaxValue, double.MaxValue, double.Epsilon, double.MinValue, -0.0, double.NaN, double.PositiveInfinity),
        new("東京", MinMillis, MaxMillis, long.MinValue, double.NegativeInfinity, 1e-300, -1e300, 0.1 + 0.2, 123456.789, -42.5),
        new("", -3_600_000, 0, 0, 0, 0, 0, 0, 0, 0),
    ];

    public static List<StrikeStatus> Strikes() =>
    [
        new("emp-min", int.MinValue, int.MinValue, double.MinValue, SenderStatus.Inactive, null, MinMillis),
        new("emp-max", int.MaxValue, int.MaxValue, double.MaxValue, SenderStatus.Active, MaxMillis, MaxMillis),
        new("émp-ü", 0, 0, double.NaN, SenderStatus.Active, 0, -1),
    ];
}
