using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;

namespace Streaming.Contracts.Tests.Support;

/// <summary>One record with its typed value, its generic form and its typed encoding.</summary>
internal sealed record Sample(string TypeName, object Typed, AvroSchema Schema, object? Generic, byte[] TypedBytes, Func<byte[], object> DecodeTyped)
{
    public static Sample Of<T>(T value)
        where T : notnull
    {
        var codec = AvroCodecs.For<T>();
        return new Sample(typeof(T).Name, value, codec.Schema, DomainGeneric.ToGeneric(value), codec.Encode(value), bytes => codec.Decode(bytes)!);
    }

    public override string ToString() => TypeName + ": " + Typed;
}
