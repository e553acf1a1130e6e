namespace Streaming.Contracts.Avro;

/// <summary>An array schema.</summary>
public sealed class ArraySchema : AvroSchema
{
    /// <summary>Creates an array schema.</summary>
    public ArraySchema(AvroSchema items, string? logicalType = null)
        : base(AvroType.Array, logicalType)
    {
        Items = items;
    }

    /// <summary>Schema of the items.</summary>
    public AvroSchema Items { get; }
}
