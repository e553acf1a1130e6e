namespace Streaming.Contracts.Avro;

/// <summary>A fixed schema: exactly <see cref="Size"/> bytes.</summary>
public sealed class FixedSchema : NamedSchema
{
    /// <summary>Creates a fixed schema.</summary>
    public FixedSchema(string name, string? space, int size, string? logicalType = null)
        : base(AvroType.Fixed, name, space, logicalType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Size = size;
    }

    /// <summary>Number of bytes.</summary>
    public int Size { get; }
}
