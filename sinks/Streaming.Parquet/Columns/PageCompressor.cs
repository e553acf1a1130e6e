using Streaming.Parquet.Format;

namespace Streaming.Parquet.Columns;

/// <summary>Compresses page bodies with the column chunk's codec.</summary>
internal static class PageCompressor
{
    public static ReadOnlySpan<byte> Compress(CompressionCodec codec, ReadOnlySpan<byte> body) => codec switch
    {
        CompressionCodec.Uncompressed => body,
        CompressionCodec.Snappy => IronSnappy.Snappy.Encode(body),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Unsupported codec."),
    };

    /// <summary>Compresses into a new array (for background compression, where the result outlives the call).</summary>
    public static byte[] CompressToArray(CompressionCodec codec, ReadOnlySpan<byte> body) => codec switch
    {
        CompressionCodec.Uncompressed => body.ToArray(),
        CompressionCodec.Snappy => IronSnappy.Snappy.Encode(body),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Unsupported codec."),
    };
}
