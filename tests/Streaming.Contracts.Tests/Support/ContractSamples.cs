using Streaming.Contracts.Events;

namespace Streaming.Contracts.Tests.Support;

/// <summary>Edge-case records of every contract type: null unions, non-ASCII text, extreme numbers, empty and large collections.</summary>
internal static class ContractSamples
{
    public const string Emoji = "🚕💨 family: 👨‍👩‍👧‍👦";
    public const string Cjk = "東京都渋谷区 北京 서울";
    public const string Combining = "e\u0301 a\u0308 Z\u0351\u0362\u0353";
    public const string Rtl = "مرحبا שלום";

    public static IReadOnlyList<TripEvent> Trips { get; } =
    [
        new("t-1", "Berlin", 1756684800000, 1756685700000, 3.2, 14.5, "d-1", "r-1", "card"),
        new("t-2", "Paris", 1756684800000, 1756685700000, 0.0, 0.0),
        new(string.Empty, string.Empty, 0, 0, -0.0, -1.5, string.Empty, null, string.Empty),
        new("t-" + Emoji, Cjk, long.MinValue, long.MaxValue, double.MaxValue, double.MinValue, Combining, Rtl, Emoji),
        new("t-nan", "Zürich", -1, 1, double.NaN, double.PositiveInfinity, null, "r", null),
        new("t-eps", "São Paulo", int.MinValue - 1L, int.MaxValue + 1L, double.Epsilon, double.NegativeInfinity, "d", null, "cash"),
        new("t-small", "Kraków", 63, 64, 1e-300, 0.1, null, null, "x"),
        new(new string('a', 5000), "long-id", -64, -65, 123456789.123456789, 1.0 / 3.0, new string('é', 3000), null, null),
    ];

    public static IReadOnlyList<MessageEvent> Messages { get; } =
    [
        new("m-1", "alice", "bob", "hello there", 1756684800000),
        new("m-2", "s", "r", string.Empty, 0),
        new("m-" + Cjk, Emoji, Rtl, Combining + " " + Emoji + " " + Cjk, long.MinValue),
        new("m-max", "a", "b", "text with \"quotes\", \\ backslash, \n newline, \t tab, \u0000 nul", long.MaxValue),
        new("m-big", "a", "b", string.Concat(Enumerable.Repeat("word ", 20_000)), -1),
    ];

    public static IReadOnlyList<CityHourly> CityHourlies { get; } =
    [
        new("Berlin", 1756684800000, 1756688400000, 42, 500.25, 11.91, 3.5, 80.0, 120.5, 900.0),
        new(Cjk, long.MinValue, long.MaxValue, long.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue),
        new(string.Empty, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        new("Neg", -3600000, 0, long.MinValue, -1, -2, -3, -4, -5, -6),
    ];

    public static IReadOnlyList<FlaggedMessage> FlaggedMessages { get; } =
    [
        new("m-1", "alice", "bob", "you idiot", 1756684800000, ["idiot"]),
        new("m-2", "a", "b", string.Empty, 0, []),
        new("m-3", Emoji, Cjk, Combining, long.MaxValue, [Emoji, Cjk, Combining, string.Empty, Rtl]),
        new("m-big", "a", "b", "many", long.MinValue, Enumerable.Range(0, 10_000).Select(i => "w" + i).ToList()),
    ];

    public static IReadOnlyList<StrikeStatus> StrikeStatuses { get; } =
    [
        new("alice", 1, 1, 0.9, SenderStatus.Active, 1759276800000, 1756684800000),
        new("bob", 0, 0, 1.0, SenderStatus.Active, null, 1756684800000),
        new("carol", 10, 10, Math.Pow(0.9, 10), SenderStatus.Inactive, null, long.MaxValue),
        new(Emoji, int.MaxValue, int.MinValue, double.NaN, SenderStatus.Inactive, long.MinValue, long.MinValue),
        new(string.Empty, -1, 64, -0.0, SenderStatus.Active, long.MaxValue, 0),
    ];

    public static IReadOnlyList<Rejected> Rejecteds { get; } =
    [
        new("trips", 0, 0, RejectReasons.Undecodable, "bad magic byte", [1, 2, 3], [0xff, 0x00]),
        new("messages", 3, long.MaxValue, RejectReasons.MissingField, "text is empty", null, null),
        new("trips", int.MaxValue, -1, RejectReasons.NegativeFare, Emoji, [], []),
        new("trips", int.MinValue, long.MinValue, RejectReasons.UnknownSchema, Cjk, null, Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()),
        new("sink", 1, 1, RejectReasons.FutureTimestamp, "big", Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray(), null),
    ];

    public static IReadOnlyList<TripLate> TripLates { get; } =
    [
        new(Trips[0], 1756688400000, LateReason.WindowClosed),
        new(Trips[1], long.MinValue, LateReason.BeyondDedupHorizon),
        new(Trips[3], long.MaxValue, LateReason.WindowClosed),
    ];

    public static IReadOnlyList<MessageLate> MessageLates { get; } =
    [
        new(Messages[0], 1756688400000, LateReason.BeyondDedupHorizon),
        new(Messages[2], -1, LateReason.WindowClosed),
    ];
}
