using System.Buffers.Binary;
using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace Streaming.Bench.Processor;

/// <summary>The stock DSL's window aggregate: trips and fare sum of one city and hour.</summary>
internal sealed record CityHourlyCount(long Trips, double FareSum)
{
    public static CityHourlyCount Empty { get; } = new(0, 0);

    public CityHourlyCount Add(double fare) => new(Trips + 1, FareSum + fare);
}

/// <summary>16 bytes: trips then fare sum, big-endian.</summary>
internal sealed class CityHourlyCountSerDes : AbstractSerDes<CityHourlyCount>
{
    public override byte[] Serialize(CityHourlyCount data, SerializationContext context)
    {
        if (data is null)
        {
            return null!;
        }
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, data.Trips);
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(8), data.FareSum);
        return bytes;
    }

    public override CityHourlyCount Deserialize(byte[] data, SerializationContext context) =>
        data is null ? null! : new CityHourlyCount(BinaryPrimitives.ReadInt64BigEndian(data), BinaryPrimitives.ReadDoubleBigEndian(data.AsSpan(8)));
}
