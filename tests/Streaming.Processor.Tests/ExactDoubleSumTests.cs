using FluentAssertions;
using Streaming.Processor.Domain;
using Xunit;

namespace Streaming.Processor.Tests;

public sealed class ExactDoubleSumTests
{
    [Fact]
    public void ShouldReadZeroWhenEmptyOrOnlyZerosWereAdded()
    {
        var sum = new ExactDoubleSum();
        sum.ToDouble().Should().Be(0.0);

        sum.Add(0.0);
        sum.Add(-0.0);

        sum.ToDouble().Should().Be(0.0);
        sum.Mantissa.IsZero.Should().BeTrue();
    }

    [Fact]
    public void ShouldKeepBitsARunningDoubleSumLoses()
    {
        // 2^53 + 1 + 1: a running double sum stays at 2^53; the exact sum is 2^53 + 2, which is representable.
        var sum = Sum(9007199254740992.0, 1.0, 1.0);

        (9007199254740992.0 + 1.0 + 1.0).Should().Be(9007199254740992.0);
        sum.Should().Be(9007199254740994.0);
    }

    [Fact]
    public void ShouldRoundTiesToEven()
    {
        Sum(9007199254740992.0, 1.0).Should().Be(9007199254740992.0);   // 2^53 + 1 → tie → even 2^53
        Sum(9007199254740994.0, 1.0).Should().Be(9007199254740996.0);   // 2^53 + 3 → tie → even 2^53 + 4
    }

    [Fact]
    public void ShouldCancelExactlyAcrossExponents()
    {
        Sum(1e100, 1.0, -1e100).Should().Be(1.0);
        Sum(1e30, 1e-30).Should().Be(1e30);
        Sum(double.Epsilon, double.Epsilon).Should().Be(2 * double.Epsilon);
        Sum(-2.5, 1.0).Should().Be(-1.5);
    }

    [Fact]
    public void ShouldBeIndependentOfOrderForRandomValues()
    {
        var random = new Random(20251121);
        for (var round = 0; round < 200; round++)
        {
            var values = Enumerable.Range(0, 1 + random.Next(40))
                .Select(_ => Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-3, 6)), random.Next(0, 8)))
                .ToArray();
            var shuffled = values.OrderBy(_ => random.Next()).ToArray();

            var a = new ExactDoubleSum();
            var b = new ExactDoubleSum();
            foreach (var v in values)
            {
                a.Add(v);
            }
            foreach (var v in shuffled)
            {
                b.Add(v);
            }

            b.ToDouble().Should().Be(a.ToDouble());
            b.Mantissa.Should().Be(a.Mantissa);
            b.Exponent.Should().Be(a.Exponent);
            // The exact sum is within half an ulp of the decimal sum of the same doubles.
            var decimalSum = values.Sum(v => (decimal)v);
            Math.Abs((double)decimalSum - a.ToDouble()).Should().BeLessThanOrEqualTo(Math.BitIncrement(Math.Abs(a.ToDouble())) - Math.Abs(a.ToDouble()));
        }
    }

    [Fact]
    public void ShouldGiveTheSameCanonicalFormInFixedAndArbitraryPrecisionModes()
    {
        // 1e-30 has bits below 2^-64 and 1e30 is beyond 2^62: both force the arbitrary-precision mode.
        double[] values = [12.5, 1024.0, 0.01, 1e-30, 7.25];
        var forward = new ExactDoubleSum();
        var backward = new ExactDoubleSum();
        foreach (var v in values)
        {
            forward.Add(v);
        }
        foreach (var v in values.Reverse())
        {
            backward.Add(v);
        }
        var withoutTiny = new ExactDoubleSum();
        withoutTiny.Add(12.5);
        withoutTiny.Add(1024.0);
        withoutTiny.Add(0.01);
        withoutTiny.Add(7.25);

        backward.Mantissa.Should().Be(forward.Mantissa);
        backward.Exponent.Should().Be(forward.Exponent);
        forward.ToDouble().Should().Be(withoutTiny.ToDouble(), "1e-30 is far below half an ulp of 1043.76");
        var rebuilt = ExactDoubleSum.FromParts(forward.Mantissa << 5, forward.Exponent - 5);
        rebuilt.Mantissa.Should().Be(forward.Mantissa);
        rebuilt.Exponent.Should().Be(forward.Exponent);
        rebuilt.ToDouble().Should().Be(forward.ToDouble());

        var big = new ExactDoubleSum();
        big.Add(1e30);
        big.Add(3.0);
        big.ToDouble().Should().Be(1e30);
        ExactDoubleSum.FromParts(big.Mantissa, big.Exponent).ToDouble().Should().Be(1e30);
    }

    [Fact]
    public void ShouldRefuseNonFiniteValues()
    {
        var sum = new ExactDoubleSum();

        sum.Invoking(s => s.Add(double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        sum.Invoking(s => s.Add(double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static double Sum(params double[] values)
    {
        var sum = new ExactDoubleSum();
        foreach (var value in values)
        {
            sum.Add(value);
        }
        return sum.ToDouble();
    }
}
