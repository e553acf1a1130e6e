namespace Streaming.Runtime;

/// <summary>
/// The Java client's default partitioner: <c>toPositive(murmur2(keyBytes)) % partitions</c>, identical to librdkafka's
/// <c>murmur2_random</c> for non-null keys. Keeps the test driver and the Kafka host on the same partitions.
/// </summary>
public static class Murmur2Partitioner
{
    /// <summary>The partition for the key bytes.</summary>
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount) => (Murmur2(key) & 0x7fffffff) % partitionCount;

    /// <summary>Kafka's murmur2 hash (seed 0x9747b28c).</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint seed = 0x9747b28c;
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = seed ^ (uint)length;
        var length4 = length / 4;
        for (var i = 0; i < length4; i++)
        {
            var i4 = i * 4;
            var k = (uint)(data[i4] & 0xff) + ((uint)(data[i4 + 1] & 0xff) << 8) + ((uint)(data[i4 + 2] & 0xff) << 16) + ((uint)(data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        var tail = length & ~3;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)(data[tail + 2] & 0xff) << 16;
                goto case 2;
            case 2:
                h ^= (uint)(data[tail + 1] & 0xff) << 8;
                goto case 1;
            case 1:
                h ^= (uint)(data[tail] & 0xff);
                h *= m;
                break;
        }
        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return (int)h;
    }
}
