namespace Streaming.Contracts.SchemaRegistry;

/// <summary>The two Schema Registry operations the serdes need. Implementations cache, so repeated calls are cheap.</summary>
public interface ISchemaRegistry
{
    /// <summary>
    /// Registers a schema under a subject (<c>{topic}-value</c> or <c>{topic}-key</c>) and returns its id; registering
    /// a schema that is already registered returns the existing id.
    /// </summary>
    /// <exception cref="SchemaRegistryException">The registry refused the schema or could not be reached after retries.</exception>
    Task<int> RegisterAsync(string subject, string schemaJson, CancellationToken cancellationToken = default);

    /// <summary>The schema JSON of an id.</summary>
    /// <exception cref="SchemaNotRegisteredException">No schema has this id.</exception>
    /// <exception cref="SchemaRegistryException">The registry could not be reached after retries.</exception>
    Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default);
}
