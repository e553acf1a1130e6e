using Microsoft.Extensions.Configuration;

namespace Streaming.Contracts.Configuration;

/// <summary>PostgreSQL settings (section <c>Postgres</c>).</summary>
public sealed class PostgresSettings
{
    /// <summary>Npgsql connection string. Required by the Postgres sink. Never logged (it may hold a password).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Binds section <c>Postgres</c> of a configuration.</summary>
    public static PostgresSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new PostgresSettings();
        configuration.GetSection(ConfigKeys.PostgresSection).Bind(settings);
        return settings;
    }

    /// <summary>Checks the required settings.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ConfigurationException">The connection string is missing.</exception>
    public PostgresSettings Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw ConfigurationException.Missing("PostgreSQL connection string is", ConfigKeys.PostgresConnectionString, ConfigKeys.PostgresFlag, "PG_CONNECTION");
        }
        return this;
    }
}
