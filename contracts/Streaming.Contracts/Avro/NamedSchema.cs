namespace Streaming.Contracts.Avro;

/// <summary>A named schema (record, enum, fixed): a name and an optional namespace.</summary>
public abstract class NamedSchema : AvroSchema
{
    private protected NamedSchema(AvroType type, string name, string? space, string? logicalType)
        : base(type, logicalType)
    {
        Name = name;
        Namespace = string.IsNullOrEmpty(space) ? null : space;
        FullName = Namespace is null ? name : Namespace + "." + name;
    }

    /// <summary>The simple name.</summary>
    public string Name { get; }

    /// <summary>The namespace, or null.</summary>
    public string? Namespace { get; }

    /// <summary>The full name: <c>namespace.name</c>, or the name when there is no namespace.</summary>
    public string FullName { get; }
}
