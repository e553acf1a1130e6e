using System.Text.Json;

namespace Streaming.DevSchemaRegistry;

/// <summary>
/// The subset of Confluent Schema Registry's REST API that Confluent.SchemaRegistry 2.16's
/// <c>CachedSchemaRegistryClient</c> and Avro serdes call: register and look up a subject version, a schema by id,
/// subjects and their versions. Associations are not kept: their lookup answers 404, on which the serializer falls
/// back to TopicNameStrategy (<c>{topic}-value</c>).
/// </summary>
public static class RegistryEndpoints
{
    /// <summary>The registry's media type; Confluent's client accepts it and plain JSON.</summary>
    public const string ContentType = "application/vnd.schemaregistry.v1+json";

    public static void Map(WebApplication app, SchemaStore store)
    {
        app.MapPost("/subjects/{subject}/versions", async (string subject, HttpRequest request) =>
        {
            var registered = store.Register(subject, await ReadAvroSchemaAsync(request));
            return Json(new { id = registered.Id });
        });
        app.MapPost("/subjects/{subject}", async (string subject, HttpRequest request) =>
            Json(Describe(store.Lookup(subject, await ReadAvroSchemaAsync(request)))));
        app.MapGet("/subjects", () => Json(store.Subjects()));
        app.MapGet("/subjects/{subject}/versions", (string subject) => Json(store.VersionsOf(subject).Select(v => v.Version)));
        app.MapGet("/subjects/{subject}/versions/{version}", (string subject, string version) => Json(Describe(store.Version(subject, version))));
        app.MapGet("/schemas/ids/{id:int}", (int id) => Json(new { schema = store.SchemaById(id) }));
        app.MapGet("/schemas/ids/{id:int}/schema", (int id) => Results.Text(store.SchemaById(id), ContentType));
        app.MapGet("/associations/resources/{resourceNamespace}/{resourceName}", () => Error(RegistryException.NotFound()));
        app.MapFallback(() => Error(RegistryException.NotFound()));
    }

    /// <summary>Answers every <see cref="RegistryException"/> in the registry's JSON error format.</summary>
    public static async Task AnswerErrors(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (RegistryException error)
        {
            await Error(error).ExecuteAsync(context);
        }
    }

    private static async Task<string> ReadAvroSchemaAsync(HttpRequest request)
    {
        RegisterRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RegisterRequest>(request.Body);
        }
        catch (JsonException ex)
        {
            throw RegistryException.BadRequest($"Unrecognized request body: {ex.Message}");
        }
        if (body?.Schema is not { Length: > 0 } schema)
        {
            throw RegistryException.InvalidSchema("the request has no schema.");
        }
        if (body.SchemaType is { Length: > 0 } type && !type.Equals("AVRO", StringComparison.OrdinalIgnoreCase))
        {
            throw RegistryException.InvalidSchema($"schema type {type} is not served by the dev registry (AVRO only).");
        }
        if (body.References is { Count: > 0 })
        {
            throw RegistryException.InvalidSchema("schema references are not served by the dev registry.");
        }
        return schema;
    }

    private static object Describe(SubjectVersion version) =>
        new { subject = version.Subject, version = version.Version, id = version.Id, schema = version.Schema };

    private static IResult Json(object value) => Results.Json(value, contentType: ContentType);

    private static IResult Error(RegistryException error) =>
        Results.Json(new { error_code = error.ErrorCode, message = error.Message }, contentType: ContentType, statusCode: error.Status);
}
