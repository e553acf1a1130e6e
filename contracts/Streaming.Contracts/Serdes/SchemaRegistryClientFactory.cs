using Confluent.SchemaRegistry;
using Streaming.Contracts.Configuration;

namespace Streaming.Contracts.Serdes;

/// <summary>Confluent's <see cref="CachedSchemaRegistryClient"/> for the configured registry.</summary>
public static class SchemaRegistryClientFactory
{
    /// <summary>A client of <see cref="SchemaRegistrySettings.Url"/>, with basic auth when user info is set. The caller disposes it.</summary>
    /// <exception cref="ConfigurationException">No URL, not http(s), or user info without ':'.</exception>
    public static CachedSchemaRegistryClient Create(SchemaRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var config = new SchemaRegistryConfig { Url = settings.Url };
        if (settings.BasicAuthUserInfo is { Length: > 0 } userInfo)
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = userInfo;
        }
        return new CachedSchemaRegistryClient(config);
    }
}
