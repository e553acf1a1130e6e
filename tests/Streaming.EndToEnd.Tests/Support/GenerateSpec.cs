using System.Globalization;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>The <c>producer generate</c> flags of a scenario (the same for --out and for Kafka).</summary>
public sealed record GenerateSpec(int Trips, int Messages, string Start, int Days, int Seed, double DupRate, double LateRate, double BadRate)
{
    public IReadOnlyList<string> Args =>
    [
        "generate",
        "--trips", Trips.ToString(CultureInfo.InvariantCulture),
        "--messages", Messages.ToString(CultureInfo.InvariantCulture),
        "--start", Start,
        "--days", Days.ToString(CultureInfo.InvariantCulture),
        "--seed", Seed.ToString(CultureInfo.InvariantCulture),
        "--dup-rate", DupRate.ToString(CultureInfo.InvariantCulture),
        "--late-rate", LateRate.ToString(CultureInfo.InvariantCulture),
        "--bad-rate", BadRate.ToString(CultureInfo.InvariantCulture),
    ];
}
