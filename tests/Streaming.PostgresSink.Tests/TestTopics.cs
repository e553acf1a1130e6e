namespace Streaming.PostgresSink.Tests;

/// <summary>Unique topic names per test, suffixed like backfill topics so they map to the same tables.</summary>
internal sealed record TestTopics(string CityHourly, string Flagged, string StrikeStatus)
{
    public static TestTopics Create()
    {
        var suffix = "t" + Guid.NewGuid().ToString("N")[..12];
        return new TestTopics($"trips.city-hourly.{suffix}", $"messages.flagged.{suffix}", $"senders.strike-status.{suffix}");
    }

    public IReadOnlyList<string> All => [CityHourly, Flagged, StrikeStatus];
}
