namespace Streaming.Contracts.Avro;

/// <summary>A map schema (keys are strings).</summary>
public sealed class MapSchema : AvroSchema
{
    /// <summary>Creates a map schema.</summary>
    public MapSchema(AvroSchema values, string? logicalType = null)
        : base(AvroType.Map, logicalType)
    {
        Values = values;
    }

    /// <summary>Schema of the values.</summary>
    public AvroSchema Values { get; }
}
