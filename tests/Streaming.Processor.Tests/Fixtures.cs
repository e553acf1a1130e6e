using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;

namespace Streaming.Processor.Tests;

/// <summary>Small factories for the domain tests. Times are UTC epoch ms; <see cref="T0"/> is 2025-09-01T00:00:00Z.</summary>
internal static class Fixtures
{
    public const long T0 = 1_756_684_800_000;
    public const long Second = 1_000;
    public const long Minute = 60 * Second;
    public const long Hour = 60 * Minute;
    public const long Day = 24 * Hour;

    public static ProcessorOptions Options { get; } = new();

    public static long At(string iso) => EpochMillis.Parse(iso);

    public static TripEvent Trip(
        string id = "t1",
        string city = "Berlin",
        long pickup = T0,
        long? dropoff = null,
        double distanceKm = 3.0,
        double fare = 12.5) =>
        new(id, city, pickup, dropoff ?? pickup + 10 * Minute, distanceKm, fare);

    public static MessageEvent Message(string id = "m1", string sender = "alice", long sentAt = T0, string text = "hello") =>
        new(id, sender, "bob", text, sentAt);
}
