namespace Streaming.Producer.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast PRNG whose output depends only on the seed, never on the
/// .NET runtime's <see cref="Random"/> implementation. Every derived value uses IEEE basic arithmetic only (no
/// Math.Log/Exp/Sin), so generated data is bit-identical on every platform.
/// </summary>
/// <remarks>Not thread-safe; each generator stream owns its instance.</remarks>
public sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator for a seed and a stream number (independent sequences for the same seed).</summary>
    public DeterministicRandom(long seed, ulong stream = 0)
    {
        // SplitMix64 expands the seed into the 256-bit state; mixing in the stream number gives independent sequences.
        var x = unchecked((ulong)seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [min, max).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), unbiased (Lemire's method with rejection).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)NextUInt64((ulong)maxExclusive);
    }

    /// <summary>A uniform integer in [min, maxExclusive).</summary>
    public int NextInt(int min, int maxExclusive) => min + NextInt(maxExclusive - min);

    /// <summary>A uniform long in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (long)NextUInt64((ulong)maxExclusive);
    }

    /// <summary>A uniform long in [min, maxExclusive).</summary>
    public long NextLong(long min, long maxExclusive) => min + NextLong(maxExclusive - min);

    /// <summary>
    /// An approximately normal value (mean 0, standard deviation 1) from the Irwin–Hall sum of 12 uniforms: bounded to
    /// ±6, arithmetic only, which is all the noise here needs.
    /// </summary>
    public double NextStandardNormal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }
        return sum - 6.0;
    }

    /// <summary>An index drawn with probability proportional to <paramref name="cumulativeWeights"/>' increments.</summary>
    /// <param name="cumulativeWeights">Non-decreasing running sums of non-negative weights; the last is the total.</param>
    public int NextWeighted(IReadOnlyList<double> cumulativeWeights)
    {
        var target = NextDouble() * cumulativeWeights[^1];
        // Binary search for the first running sum above the target; ties are impossible to exploit by design.
        int lo = 0, hi = cumulativeWeights.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulativeWeights[mid] > target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /// <summary>Picks one item uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    private ulong NextUInt64(ulong bound)
    {
        // Lemire's nearly-divisionless bounded integer: multiply, reject the biased low region.
        var x = NextUInt64();
        var m = Math.BigMul(x, bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64();
                m = Math.BigMul(x, bound, out low);
            }
        }
        return m;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));
}
