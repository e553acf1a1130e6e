using FluentAssertions;
using Streaming.Processor.Domain;
using Xunit;
using static Streaming.Processor.Tests.Fixtures;

namespace Streaming.Processor.Tests;

public sealed class HourlyWindowTests
{
    [Theory]
    [InlineData("2025-09-01T00:00:00.000Z", "2025-09-01T00:00:00Z", "2025-09-01T01:00:00Z")]
    [InlineData("2025-09-01T00:59:59.999Z", "2025-09-01T00:00:00Z", "2025-09-01T01:00:00Z")]
    [InlineData("2025-09-01T01:00:00.000Z", "2025-09-01T01:00:00Z", "2025-09-01T02:00:00Z")]
    [InlineData("2025-09-01T13:37:12.345Z", "2025-09-01T13:00:00Z", "2025-09-01T14:00:00Z")]
    [InlineData("2025-12-31T23:30:00Z", "2025-12-31T23:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:30:00Z", "1969-12-31T23:00:00Z", "1970-01-01T00:00:00Z")]
    public void ShouldAssignAnEventToTheUtcHourHoldingIt(string eventTime, string start, string end)
    {
        HourlyWindow.Containing(At(eventTime)).Should().Be(new HourlyWindow(At(start), At(end)));
    }

    [Fact]
    public void ShouldCloseAWindowWhenTheWatermarkReachesItsEndExactly()
    {
        var window = HourlyWindow.Containing(T0 + 30 * Minute);

        WindowLateness.IsClosed(window, T0 + Hour - 1).Should().BeFalse();
        WindowLateness.IsClosed(window, T0 + Hour).Should().BeTrue();
        WindowLateness.IsLate(T0 + 59 * Minute, T0 + Hour - 1).Should().BeFalse();
        WindowLateness.IsLate(T0 + 59 * Minute, T0 + Hour).Should().BeTrue();
    }

    [Fact]
    public void ShouldNeverJudgeTheRecordThatSetsStreamTimeLate()
    {
        // watermark = stream time - 10 min < event time < window end, whatever the event time.
        foreach (var offset in new[] { 0L, 1, 9 * Minute, 10 * Minute, 59 * Minute + 59_999 })
        {
            var eventTime = T0 + offset;
            WindowLateness.IsLate(eventTime, eventTime - Options.AllowedLatenessMs).Should().BeFalse();
        }
    }

    [Fact]
    public void ShouldKeyByCityAndFormatWindowKeysAsCityBarStart()
    {
        CityHourlyKeys.RepartitionKey(Trip(city: "São Paulo")).Should().Be("São Paulo");
        CityHourlyKeys.WindowKey("Berlin", T0).Should().Be("Berlin|1756684800000");
        CityHourlyKeys.ParseWindowKey("Berlin|1756684800000").Should().Be(("Berlin", T0));
        CityHourlyKeys.ParseWindowKey("A|B|-3600000").Should().Be(("A|B", -3_600_000L));
    }

    [Theory]
    [InlineData("Berlin")]
    [InlineData("Berlin|")]
    [InlineData("Berlin|12x")]
    public void ShouldRejectAMalformedWindowKey(string key)
    {
        var act = () => CityHourlyKeys.ParseWindowKey(key);

        act.Should().Throw<FormatException>().WithMessage($"*'{key}'*");
    }
}
