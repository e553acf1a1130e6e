namespace Streaming.Contracts.SchemaRegistry;

/// <summary>
/// The Schema Registry failed: unreachable after retries, authentication refused, or a schema rejected.
/// </summary>
/// <remarks>Category: fatal for the caller (not a data error; records must not be rejected because of it).</remarks>
public class SchemaRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaRegistryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status of the failed request, when there was one.</summary>
    public int? StatusCode { get; init; }
}
