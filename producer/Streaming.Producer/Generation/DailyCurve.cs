namespace Streaming.Producer.Generation;

/// <summary>
/// How event volume is spread over a day and a week: relative weights per hour of day (weekday and weekend) and per
/// day of the week. Samples instants in a <see cref="GenerationWindow"/>.
/// </summary>
public sealed class DailyCurve
{
    private readonly double[] _cumulativeDays;
    private readonly double[] _weekdayHours;
    private readonly double[] _weekendHours;
    private readonly GenerationWindow _window;

    /// <summary>Creates a curve.</summary>
    /// <param name="window">The span to sample in.</param>
    /// <param name="weekdayHourWeights">24 relative weights, hour 0..23 UTC, Monday to Friday.</param>
    /// <param name="weekendHourWeights">24 relative weights, hour 0..23 UTC, Saturday and Sunday.</param>
    /// <param name="weekendDayWeight">Volume of a weekend day relative to a weekday.</param>
    public DailyCurve(GenerationWindow window, IReadOnlyList<double> weekdayHourWeights, IReadOnlyList<double> weekendHourWeights, double weekendDayWeight)
    {
        if (weekdayHourWeights.Count != 24 || weekendHourWeights.Count != 24)
        {
            throw new ArgumentException("hour weights need exactly 24 entries", nameof(weekdayHourWeights));
        }
        _window = window;
        _weekdayHours = Cumulative(weekdayHourWeights);
        _weekendHours = Cumulative(weekendHourWeights);
        var dayWeights = new double[window.Days];
        for (var d = 0; d < window.Days; d++)
        {
            dayWeights[d] = IsWeekend(window.DayStart(d)) ? weekendDayWeight : 1.0;
        }
        _cumulativeDays = Cumulative(dayWeights);
    }

    /// <summary>Taxi demand: quiet small hours, morning and evening peaks, busy weekend nights.</summary>
    public static DailyCurve Trips(GenerationWindow window) => new(
        window,
        [1.2, 0.8, 0.5, 0.4, 0.5, 1.0, 2.5, 5.0, 7.0, 5.5, 4.0, 4.0, 4.5, 4.5, 4.2, 4.5, 5.5, 7.0, 7.5, 6.5, 5.5, 4.5, 3.5, 2.2],
        [3.5, 3.0, 2.5, 1.5, 1.0, 0.8, 1.0, 1.5, 2.5, 3.5, 4.5, 5.0, 5.5, 5.5, 5.0, 5.0, 5.0, 5.5, 6.0, 6.5, 6.5, 6.5, 6.0, 5.0],
        weekendDayWeight: 1.1);

    /// <summary>Office chat: working hours on weekdays, a trickle at night and at weekends.</summary>
    public static DailyCurve Messages(GenerationWindow window) => new(
        window,
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2.0, 6.0, 9.0, 9.5, 9.0, 6.5, 7.5, 9.0, 9.0, 8.0, 6.0, 3.0, 1.5, 1.0, 0.8, 0.5, 0.3],
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
        weekendDayWeight: 0.25);

    /// <summary>A random instant (UTC epoch ms) following the curve.</summary>
    public long Sample(DeterministicRandom random)
    {
        var day = random.NextWeighted(_cumulativeDays);
        var dayStart = _window.DayStart(day);
        var hour = random.NextWeighted(IsWeekend(dayStart) ? _weekendHours : _weekdayHours);
        return dayStart + (hour * GenerationWindow.HourMs) + random.NextLong(GenerationWindow.HourMs);
    }

    /// <summary>The hour of day (0..23, UTC) of an instant.</summary>
    public static int HourOfDay(long epochMillis) => (int)((epochMillis % GenerationWindow.DayMs + GenerationWindow.DayMs) % GenerationWindow.DayMs / GenerationWindow.HourMs);

    private static bool IsWeekend(long epochMillis)
    {
        // 1970-01-01 was a Thursday: day 0 → Thursday, so (days + 3) % 7 gives Monday = 0 … Sunday = 6.
        var days = Math.DivRem(epochMillis, GenerationWindow.DayMs, out var rest) - (rest < 0 ? 1 : 0);
        var dayOfWeek = ((days + 3) % 7 + 7) % 7;
        return dayOfWeek >= 5;
    }

    private static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var sums = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }
}
