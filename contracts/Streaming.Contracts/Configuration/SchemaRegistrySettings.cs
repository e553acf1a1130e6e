using Microsoft.Extensions.Configuration;

namespace Streaming.Contracts.Configuration;

/// <summary>Schema Registry settings (section <c>SchemaRegistry</c>).</summary>
public sealed class SchemaRegistrySettings
{
    /// <summary>The in-process registry used when no URL is configured.</summary>
    public const string DefaultUrl = "mock://streaming";

    /// <summary><c>mock://scope</c> for the in-process registry, or the <c>http(s)://</c> URL of a Confluent Schema Registry.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>Basic-auth credentials as <c>user:password</c>, or null. Never logged.</summary>
    public string? BasicAuthUserInfo { get; set; }

    /// <summary>Binds section <c>SchemaRegistry</c> of a configuration.</summary>
    public static SchemaRegistrySettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new SchemaRegistrySettings();
        configuration.GetSection(ConfigKeys.SchemaRegistrySection).Bind(settings);
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            settings.Url = DefaultUrl;
        }
        return settings;
    }

    /// <summary>Checks the URL scheme and the credentials' shape.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ConfigurationException">The URL is not mock://, http:// or https://, or the user info lacks a ':'.</exception>
    public SchemaRegistrySettings Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("mock" or "http" or "https"))
        {
            throw new ConfigurationException(ConfigKeys.SchemaRegistryUrl,
                $"Schema Registry URL '{Url}' is not valid: pass {ConfigKeys.SchemaRegistryFlag} or set {ConfigKeys.ToEnvironmentVariable(ConfigKeys.SchemaRegistryUrl)} to mock://<scope> or http(s)://host:port.");
        }
        if (BasicAuthUserInfo is { Length: > 0 } userInfo && !userInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new ConfigurationException("SchemaRegistry:BasicAuthUserInfo",
                $"Schema Registry basic auth must be 'user:password': set {ConfigKeys.ToEnvironmentVariable("SchemaRegistry:BasicAuthUserInfo")}.");
        }
        return this;
    }
}
