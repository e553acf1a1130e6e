namespace Streaming.Parquet.Encodings;

/// <summary>
/// RLE_DICTIONARY data page values: one byte of bit width, then the indices in the RLE/bit-packed hybrid
/// (parquet-format Encodings.md). The width is what the largest index of the dictionary needs.
/// </summary>
internal static class DictionaryIndexEncoding
{
    public static int BitWidth(int dictionaryCount) => RleBitPackedHybridEncoder.BitWidthFor(Math.Max(0, dictionaryCount - 1));

    public static long EstimateSize(int indexCount, int dictionaryCount) =>
        RleBitPackedHybridEncoder.EstimateSize(indexCount, BitWidth(dictionaryCount)) + 1;

    public static void Encode(ReadOnlySpan<int> indices, int dictionaryCount, ByteBuffer output)
    {
        var bitWidth = BitWidth(dictionaryCount);
        output.WriteByte((byte)bitWidth);
        RleBitPackedHybridEncoder.Encode<int>(indices, bitWidth, output);
    }
}
