namespace Streaming.Contracts.SchemaRegistry;

/// <summary>A schema id is not registered.</summary>
/// <remarks>Category: data error. A record framed with this id is rejected with reason <c>unknown_schema</c>.</remarks>
public sealed class SchemaNotRegisteredException : SchemaRegistryException
{
    /// <summary>Creates the exception for an id.</summary>
    public SchemaNotRegisteredException(int schemaId)
        : base($"schema id {schemaId} is not registered")
    {
        SchemaId = schemaId;
        StatusCode = 404;
    }

    /// <summary>The id that was looked up.</summary>
    public int SchemaId { get; }
}
