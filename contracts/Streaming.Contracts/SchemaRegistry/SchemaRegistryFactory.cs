using Microsoft.Extensions.Logging;
using Streaming.Contracts.Configuration;

namespace Streaming.Contracts.SchemaRegistry;

/// <summary>Picks the schema registry implementation from the configured URL.</summary>
public static class SchemaRegistryFactory
{
    /// <summary>
    /// <c>mock://scope</c> → the process-wide <see cref="MockSchemaRegistry"/> of that scope; <c>http(s)://…</c> → a
    /// new <see cref="SchemaRegistryRestClient"/> (the caller disposes it when it is <see cref="IDisposable"/>).
    /// </summary>
    /// <exception cref="ConfigurationException">The URL is not mock://, http:// or https://.</exception>
    public static ISchemaRegistry Create(SchemaRegistrySettings settings, ILoggerFactory? loggerFactory = null, SchemaRegistryRetryOptions? retryOptions = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var uri = new Uri(settings.Url, UriKind.Absolute);
        if (uri.Scheme == "mock")
        {
            return MockSchemaRegistry.ForScope(settings.Url["mock://".Length..].TrimEnd('/'));
        }
        return new SchemaRegistryRestClient(settings.Url, settings.BasicAuthUserInfo, retryOptions, null, loggerFactory?.CreateLogger<SchemaRegistryRestClient>());
    }
}
