namespace Streaming.Contracts.Avro;

/// <summary>A primitive schema: null, boolean, int, long, float, double, bytes or string, with an optional logical type.</summary>
public sealed class PrimitiveSchema : AvroSchema
{
    /// <summary>Creates a primitive schema.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not primitive.</exception>
    public PrimitiveSchema(AvroType type, string? logicalType = null)
        : base(type, logicalType)
    {
        if (type > AvroType.String)
        {
            throw new ArgumentException($"{type} is not a primitive Avro type.", nameof(type));
        }
    }

    /// <summary>The primitive type name as written in schemas (<c>long</c>).</summary>
    public string Name => Names[(int)Type];

    internal static readonly string[] Names = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];
}
