using System.Buffers;

namespace Streaming.Contracts.Avro.Codecs;

/// <summary>
/// A per-thread reusable <see cref="ArrayBufferWriter{T}"/> for encoding. Rent and Return on the same thread; a buffer
/// that grew beyond 1 MiB is not kept.
/// </summary>
internal static class ReusableBuffer
{
    private const int MaxRetainedBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static ArrayBufferWriter<byte> Rent()
    {
        // Taking the buffer out of the slot makes nested rents (a codec inside a serializer) safe.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        t_buffer = null;
        buffer.ResetWrittenCount();
        return buffer;
    }

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxRetainedBytes)
        {
            t_buffer = buffer;
        }
    }
}
