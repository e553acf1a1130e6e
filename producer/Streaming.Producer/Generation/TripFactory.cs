using System.Globalization;
using Streaming.Contracts.Events;

namespace Streaming.Producer.Generation;

/// <summary>
/// Makes realistic trips: city by share, pickup time on the taxi demand curve, a skewed distance with a few long
/// airport runs, a duration from city speed (slower in rush hours), and a fare of flag fall + distance + time with a
/// little noise (mean about 6.4). Optional ids and payment type are sometimes missing.
/// </summary>
public sealed class TripFactory
{
    private static readonly string[] s_paymentTypes = ["card", "app", "cash"];
    private static readonly double[] s_paymentCumulative = [0.62, 0.82, 0.95, 1.0]; // card, app, cash, null

    private readonly DeterministicRandom _random;
    private readonly DailyCurve _curve;
    private readonly string _idPrefix;
    private readonly double[] _cityCumulative;

    /// <summary>Creates the factory.</summary>
    /// <param name="random">This stream's random source.</param>
    /// <param name="window">The event-time span.</param>
    /// <param name="seed">The run's seed; part of every id so runs with different seeds never share ids.</param>
    public TripFactory(DeterministicRandom random, GenerationWindow window, long seed)
    {
        _random = random;
        _curve = DailyCurve.Trips(window);
        _idPrefix = "t" + seed.ToString(CultureInfo.InvariantCulture) + "-";
        _cityCumulative = new double[CityProfile.All.Count];
        var total = 0.0;
        for (var i = 0; i < _cityCumulative.Length; i++)
        {
            total += CityProfile.All[i].Share;
            _cityCumulative[i] = total;
        }
    }

    /// <summary>The trip with 0-based number <paramref name="index"/> (ids are <c>t{seed}-{index+1:D7}</c>).</summary>
    public TripEvent Create(int index)
    {
        var city = CityProfile.All[_random.NextWeighted(_cityCumulative)];
        var pickup = _curve.Sample(_random);

        // Distance: mostly short hops (0.6–11 km, mean 3 km), 1.5% long airport/intercity runs.
        var km = _random.Chance(0.015)
            ? _random.NextDouble(12.0, 35.0)
            : SkewedShortDistance(_random.NextDouble());
        km = Cents(km);

        var hour = DailyCurve.HourOfDay(pickup);
        var rush = hour is 8 or 9 or 17 or 18 ? 0.75 : 1.0;
        var road = km > 12.0 ? 2.0 : 1.0; // long runs are mostly main roads
        var speed = Math.Clamp(city.SpeedKmh * rush * road * (1.0 + (0.15 * _random.NextStandardNormal())), 8.0, 70.0);
        var minutes = (km / speed * 60.0) + _random.NextDouble(1.0, 4.0);
        var durationMs = (long)(minutes * 60.0) * 1000; // whole seconds
        var dropoff = pickup + durationMs;

        var fare = city.FareMultiplier * (2.00 + (0.90 * km) + (0.10 * minutes));
        fare = Cents(Math.Max(2.50, fare + (0.25 * _random.NextStandardNormal())));

        var driver = _random.Chance(0.04) ? null : "D" + _random.NextInt(1, 2001).ToString("D4", CultureInfo.InvariantCulture);
        var rider = _random.Chance(0.08) ? null : "R" + _random.NextInt(1, 50_001).ToString("D6", CultureInfo.InvariantCulture);
        var paymentIndex = _random.NextWeighted(s_paymentCumulative);
        var payment = paymentIndex < s_paymentTypes.Length ? s_paymentTypes[paymentIndex] : null;

        return new TripEvent(
            _idPrefix + (index + 1).ToString("D7", CultureInfo.InvariantCulture),
            city.Name, pickup, dropoff, km, fare, driver, rider, payment);
    }

    // 0.6 + 1.8u + 9u^5: most trips 1–4 km with a tail to 11 km; mean 0.6 + 0.9 + 1.5 = 3.0 km.
    private static double SkewedShortDistance(double u)
    {
        var u2 = u * u;
        return 0.6 + (1.8 * u) + (9.0 * u2 * u2 * u);
    }

    // Rounds to 2 decimals through whole cents, so text output is short and exact ("6.45").
    private static double Cents(double value) => Math.Round(value * 100.0, MidpointRounding.AwayFromZero) / 100.0;
}
