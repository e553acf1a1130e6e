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
/// <para>Representation: <c>Mantissa × 2^Exponent</c> in a canonical form (Mantissa odd, or zero with Exponent 0), so the
/// state, and its encoded bytes, are independent of the order too. Reading rounds once, to nearest
/// with ties to even. Zeros (including -0.0) add nothing; an all-zero sum reads as +0.0.</para>
/// </remarks>
public sealed class ExactDoubleSum
{
    private BigInteger _mantissa;
    private int _exponent;

    /// <summary>An empty sum (reads 0).</summary>
    public ExactDoubleSum()
    {
    }

    private ExactDoubleSum(BigInteger mantissa, int exponent)
    {
        _mantissa = mantissa;
        _exponent = exponent;
    }

    /// <summary>The scaled integer sum: the exact value is <c>Mantissa × 2^Exponent</c>.</summary>
    public BigInteger Mantissa => _mantissa;

    /// <summary>The binary exponent of <see cref="Mantissa"/>; 0 while nothing non-zero was added.</summary>
    public int Exponent => _exponent;

    /// <summary>Rebuilds a sum from its parts (for codecs); the parts are brought to the canonical form.</summary>
    public static ExactDoubleSum FromParts(BigInteger mantissa, int exponent)
    {
        var sum = new ExactDoubleSum(mantissa, exponent);
        sum.Normalize();
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
        BigInteger term = value < 0 ? -significand : significand;

        if (_mantissa.IsZero)
        {
            _mantissa = term;
            _exponent = exponent;
            return;
        }
        if (exponent < _exponent)
        {
            _mantissa <<= _exponent - exponent;
            _exponent = exponent;
        }
        _mantissa += term << (exponent - _exponent);
        Normalize();
    }

    /// <summary>The sum rounded to the nearest double (ties to even).</summary>
    public double ToDouble()
    {
        if (_mantissa.IsZero)
        {
            return 0.0;
        }
        var negative = _mantissa.Sign < 0;
        var magnitude = BigInteger.Abs(_mantissa);
        var length = (int)magnitude.GetBitLength();
        double rounded;
        var shift = 0;
        if (length <= 63)
        {
            rounded = (long)magnitude; // long → double rounds to nearest, ties to even.
        }
        else
        {
            // Keep 63 bits and fold every dropped bit into the lowest kept bit (a sticky bit): 63 > 53 + 2, so rounding
            // the 63-bit value to 53 bits gives the same result as rounding the whole magnitude.
            shift = length - 63;
            var top = (long)(magnitude >> shift);
            if (!(magnitude & ((BigInteger.One << shift) - 1)).IsZero)
            {
                top |= 1;
            }
            rounded = top;
        }
        var result = Math.ScaleB(rounded, _exponent + shift);
        return negative ? -result : result;
    }

    /// <summary>Keeps the canonical form: an odd mantissa (or zero with exponent 0).</summary>
    private void Normalize()
    {
        if (_mantissa.IsZero)
        {
            _exponent = 0;
            return;
        }
        var zeros = (int)BigInteger.TrailingZeroCount(_mantissa);
        if (zeros > 0)
        {
            _mantissa >>= zeros;
            _exponent += zeros;
        }
    }
}
