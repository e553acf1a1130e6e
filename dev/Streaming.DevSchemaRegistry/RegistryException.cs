namespace Streaming.DevSchemaRegistry;

/// <summary>
/// An error in Confluent Schema Registry's format: HTTP status plus <c>{"error_code":…,"message":…}</c>. Confluent's
/// client reads <c>error_code</c> into <c>SchemaRegistryException.ErrorCode</c>, so the codes are the real registry's.
/// </summary>
public sealed class RegistryException : Exception
{
    private RegistryException(int status, int errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status (404, 422, 400).</summary>
    public int Status { get; }

    /// <summary>The registry's error code (40401, 40402, 40403, 42201, …).</summary>
    public int ErrorCode { get; }

    public static RegistryException SubjectNotFound(string subject) => new(404, 40401, $"Subject '{subject}' not found.");

    public static RegistryException VersionNotFound(string subject, string version) => new(404, 40402, $"Version {version} not found for subject '{subject}'.");

    public static RegistryException SchemaNotFound(string what) => new(404, 40403, $"Schema {what} not found.");

    public static RegistryException InvalidSchema(string detail) => new(422, 42201, $"Invalid schema: {detail}");

    /// <summary>A route the dev registry does not serve, answered like the real registry answers an unknown path.</summary>
    public static RegistryException NotFound() => new(404, 404, "HTTP 404 Not Found");

    public static RegistryException BadRequest(string detail) => new(400, 400, detail);
}
