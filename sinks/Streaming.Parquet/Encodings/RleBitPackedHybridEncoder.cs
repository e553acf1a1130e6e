using System.Numerics;

namespace Streaming.Parquet.Encodings;

/// <summary>
/// The RLE/bit-packed hybrid of the Parquet Encodings.md ("RLE"), used for definition levels and
/// dictionary indices. Runs of eight or more equal values become RLE runs; everything else is
/// bit-packed in groups of eight, LSB first. Padding zeros are only ever added to the final group,
/// where readers stop at the value count from the page header.
/// </summary>
internal static class RleBitPackedHybridEncoder
{
    private const int MinRepeatRun = 8;

    // parquet-mr keeps bit-packed run headers to one byte: at most 63 groups per run.
    private const int MaxGroupsPerBitPackedRun = 63;

    /// <summary>The bit width needed to store <paramref name="maxValue"/>, at least 1 (some readers mishandle 0).</summary>
    public static int BitWidthFor(int maxValue) => Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)maxValue));

    /// <summary>An upper bound on the encoded size, for page size estimates.</summary>
    public static long EstimateSize(int count, int bitWidth) => ((long)count * bitWidth + 7) / 8 + 2;

    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var byteWidth = (bitWidth + 7) / 8;
        var i = 0;
        var n = values.Length;
        while (i < n)
        {
            var run = RunLength(values, i, int.MaxValue);
            if (run >= MinRepeatRun)
            {
                output.WriteUnsignedVarint((ulong)run << 1);
                var value = uint.CreateTruncating(values[i]);
                var span = output.GetSpan(4);
                for (var b = 0; b < byteWidth; b++)
                {
                    span[b] = (byte)(value >> (8 * b));
                }
                output.Advance(byteWidth);
                i += run;
                continue;
            }

            var start = i;
            var groups = 0;
            while (i < n && groups < MaxGroupsPerBitPackedRun)
            {
                if (groups > 0 && RunLength(values, i, MinRepeatRun) >= MinRepeatRun)
                {
                    break;
                }
                i += 8;
                groups++;
            }
            i = Math.Min(i, n);
            output.WriteUnsignedVarint(((ulong)groups << 1) | 1);
            BitPack(values.Slice(start, i - start), groups, bitWidth, output);
        }
    }

    private static int RunLength<T>(ReadOnlySpan<T> values, int start, int limit)
        where T : unmanaged, IBinaryInteger<T>
    {
        var first = values[start];
        var end = (int)Math.Min(values.Length, (long)start + limit);
        var j = start + 1;
        while (j < end && values[j] == first)
        {
            j++;
        }
        return j - start;
    }

    private static void BitPack<T>(ReadOnlySpan<T> values, int groups, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var total = groups * bitWidth;
        var span = output.GetSpan(total);
        ulong acc = 0;
        var bits = 0;
        var p = 0;
        var count = groups * 8;
        for (var k = 0; k < count; k++)
        {
            ulong v = k < values.Length ? uint.CreateTruncating(values[k]) : 0u;
            acc |= v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[p++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }
        output.Advance(total);
    }
}
