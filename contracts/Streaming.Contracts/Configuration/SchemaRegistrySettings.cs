using Microsoft.Extensions.Configuration;

namespace Streaming.Contracts.Configuration;

/// <summary>Schema Registry settings (section <c>SchemaRegistry</c>).</summary>
public sealed class SchemaRegistrySettings
{
    /// <summary>The <c>http(s)://</c> URL of a Confluent Schema Registry (default: <c>SCHEMA_REGISTRY_URL</c>, which <c>scripts/dev.sh up</c> writes to <c>.dev/env</c>).</summary>
    public string? Url { get; set; }

    /// <summary>Basic-auth credentials as <c>user:password</c>, or null. Never logged.</summary>
    public string? BasicAuthUserInfo { get; set; }

    /// <summary>Binds section <c>SchemaRegistry</c> of a configuration.</summary>
    public static SchemaRegistrySettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new SchemaRegistrySettings();
        configuration.GetSection(ConfigKeys.SchemaRegistrySection).Bind(settings);
        return settings;
    }

    /// <summary>Checks the URL scheme and the credentials' shape.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ConfigurationException">No URL, a URL that is not http:// or https://, or user info without a ':'.</exception>
    public SchemaRegistrySettings Validate()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            throw new ConfigurationException(ConfigKeys.SchemaRegistryUrl,
                $"No Schema Registry URL is configured: pass {ConfigKeys.SchemaRegistryFlag} http(s)://host:port or set {ConfigKeys.ToEnvironmentVariable(ConfigKeys.SchemaRegistryUrl)} (or SCHEMA_REGISTRY_URL; `scripts/dev.sh up` writes it to .dev/env).");
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException(ConfigKeys.SchemaRegistryUrl,
                $"Schema Registry URL '{Url}' is not valid: pass {ConfigKeys.SchemaRegistryFlag} or set {ConfigKeys.ToEnvironmentVariable(ConfigKeys.SchemaRegistryUrl)} to http(s)://host:port.");
        }
        if (BasicAuthUserInfo is { Length: > 0 } userInfo && !userInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new ConfigurationException("SchemaRegistry:BasicAuthUserInfo",
                $"Schema Registry basic auth must be 'user:password': set {ConfigKeys.ToEnvironmentVariable("SchemaRegistry:BasicAuthUserInfo")}.");
        }
        return this;
    }
}
