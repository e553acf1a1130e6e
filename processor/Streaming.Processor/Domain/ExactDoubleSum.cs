using System.Numerics;

namespace Streaming.Processor.Domain;

/// <summary>
/// The exact sum of finite doubles, rounded to a double only when read. Unlike a running double sum, the result does not
/// depend on the order of the additions.
/// </summary>
/// <remarks>
/// <para>Why: the city-hourly task reads a repartition topic that several upstream tasks append to, so the order in
/// which two trips of one window arrive there depends on timing. A running <c>double</c> sum would then differ in its
/// last bits between a live run and a backfill. An exact sum makes the aggregate a function of the set of trips only.</para>
/// <para>Representation: a 128-bit fixed-point integer in units of 2^-64, which holds every double whose lowest set
/// bit is at or above 2^-64 (all money and distance values in practice) with sums up to 2^62; anything else switches
/// the sum, for good, to an arbitrary-precision integer. <see cref="Mantissa"/> and <see cref="Exponent"/> give one
/// canonical form (Mantissa odd, or zero with Exponent 0) whatever the internal mode, so the encoded state is
/// independent of the order too. Reading rounds once, to nearest with ties to even. Zeros (including -0.0) add nothing;
/// an all-zero sum reads as +0.0.</para>
/// </remarks>
public sealed class ExactDoubleSum
{
    private const int FixedFractionBits = 64;

    // Headroom: the fixed sum stays within ±2^126 so that its magnitude always fits in Int128.
    private static readonly Int128 FixedLimit = Int128.One << 126;

    private Int128 _fixed;
    private BigInteger _bigMantissa;
    private int _bigExponent;
    private bool _isBig;

    /// <summary>An empty sum (reads 0).</summary>
    public ExactDoubleSum()
    {
    }

    /// <summary>The canonical mantissa: the exact value is <c>Mantissa × 2^Exponent</c>, with Mantissa odd or zero.</summary>
    public BigInteger Mantissa => Canonical().Mantissa;

    /// <summary>The canonical binary exponent; 0 when the sum is zero.</summary>
    public int Exponent => Canonical().Exponent;

    /// <summary>Rebuilds a sum from a mantissa and exponent (for codecs); any form of the same value gives the same sum.</summary>
    public static ExactDoubleSum FromParts(BigInteger mantissa, int exponent)
    {
        var sum = new ExactDoubleSum();
        if (mantissa.IsZero)
        {
            return sum;
        }
        var zeros = (int)BigInteger.TrailingZeroCount(mantissa);
        mantissa >>= zeros;
        exponent += zeros;
        var shift = exponent + FixedFractionBits;
        if (shift >= 0 && mantissa.GetBitLength() + shift < 126)
        {
            sum._fixed = (Int128)mantissa << shift;
        }
        else
        {
            sum._isBig = true;
            sum._bigMantissa = mantissa;
            sum._bigExponent = exponent;
        }
        return sum;
    }

    /// <summary>Adds a value exactly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be summed exactly.");
        }
        if (value == 0)
        {
            return;
        }
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        long significand = biased == 0 ? fraction : fraction | (1L << 52);
        var exponent = biased == 0 ? -1074 : biased - 1075;
        var zeros = BitOperations.TrailingZeroCount(significand);
        significand >>= zeros;
        exponent += zeros;
        if (value < 0)
        {
            significand = -significand;
        }

        if (!_isBig)
        {
            var shift = exponent + FixedFractionBits;
            var width = 64 - BitOperations.LeadingZeroCount((ulong)Math.Abs(significand));
            if (shift >= 0 && width + shift < 126)
            {
                var sum = _fixed + ((Int128)significand << shift);
                if (sum < FixedLimit && sum > -FixedLimit)
                {
                    _fixed = sum;
                    return;
                }
            }
            SwitchToBig();
        }
        AddBig(significand, exponent);
    }

    /// <summary>Adds another exact sum exactly.</summary>
    public void Add(ExactDoubleSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_isBig && !other._isBig)
        {
            // Both are within ±2^126, so the sum fits in Int128 before the limit check.
            var sum = _fixed + other._fixed;
            if (sum < FixedLimit && sum > -FixedLimit)
            {
                _fixed = sum;
                return;
            }
        }
        var (mantissa, exponent) = other.Canonical();
        if (mantissa.IsZero)
        {
            return;
        }
        if (!_isBig)
        {
            SwitchToBig();
        }
        AddBig(mantissa, exponent);
    }

    /// <summary>The sum rounded to the nearest double (ties to even).</summary>
    public double ToDouble()
    {
        if (!_isBig)
        {
            if (_fixed == Int128.Zero)
            {
                return 0.0;
            }
            var negative = _fixed < Int128.Zero;
            var magnitude = (UInt128)(negative ? -_fixed : _fixed);
            var length = 128 - (int)UInt128.LeadingZeroCount(magnitude);
            var result = length <= 63
                ? Math.ScaleB((long)magnitude, -FixedFractionBits) // long → double rounds to nearest, ties to even
                : RoundTop((long)(magnitude >> (length - 63)), (magnitude & ((UInt128.One << (length - 63)) - 1)) != UInt128.Zero, length - 63 - FixedFractionBits);
            return negative ? -result : result;
        }
        if (_bigMantissa.IsZero)
        {
            return 0.0;
        }
        var bigNegative = _bigMantissa.Sign < 0;
        var bigMagnitude = BigInteger.Abs(_bigMantissa);
        var bigLength = (int)bigMagnitude.GetBitLength();
        var bigResult = bigLength <= 63
            ? Math.ScaleB((long)bigMagnitude, _bigExponent)
            : RoundTop((long)(bigMagnitude >> (bigLength - 63)), !(bigMagnitude & ((BigInteger.One << (bigLength - 63)) - 1)).IsZero, bigLength - 63 + _bigExponent);
        return bigNegative ? -bigResult : bigResult;
    }

    /// <summary>
    /// Rounds a 63-bit prefix of a magnitude with the dropped bits folded into its lowest bit (a sticky bit): 63 > 53 + 2,
    /// so rounding the prefix to 53 bits gives the same result as rounding the whole magnitude.
    /// </summary>
    private static double RoundTop(long top, bool droppedAnyBit, int scale) => Math.ScaleB(droppedAnyBit ? top | 1 : top, scale);

    private (BigInteger Mantissa, int Exponent) Canonical()
    {
        if (_isBig)
        {
            if (_bigMantissa.IsZero)
            {
                return (BigInteger.Zero, 0);
            }
            var zeros = (int)BigInteger.TrailingZeroCount(_bigMantissa);
            return (_bigMantissa >> zeros, _bigExponent + zeros);
        }
        if (_fixed == Int128.Zero)
        {
            return (BigInteger.Zero, 0);
        }
        var fixedZeros = (int)Int128.TrailingZeroCount(_fixed);
        return ((BigInteger)(_fixed >> fixedZeros), fixedZeros - FixedFractionBits);
    }

    private void SwitchToBig()
    {
        _bigMantissa = _fixed;
        _bigExponent = -FixedFractionBits;
        _fixed = Int128.Zero;
        _isBig = true;
    }

    private void AddBig(BigInteger term, int exponent)
    {
        if (_bigMantissa.IsZero)
        {
            _bigMantissa = term;
            _bigExponent = exponent;
            return;
        }
        if (exponent < _bigExponent)
        {
            _bigMantissa <<= _bigExponent - exponent;
            _bigExponent = exponent;
        }
        _bigMantissa += term << (exponent - _bigExponent);
    }
}
