using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Streaming.Contracts.Configuration;

/// <summary>Builds the configuration every executable uses.</summary>
public static class StreamingConfiguration
{
    /// <summary>
    /// Builds configuration from, lowest to highest precedence: <c>appsettings.json</c> in
    /// <paramref name="baseDirectory"/> (default: the current directory; optional), the plain dev-stack variables
    /// (KAFKA_BOOTSTRAP, SCHEMA_REGISTRY_URL, PG_CONNECTION, S3_ENDPOINT, S3_BUCKET; see <see cref="ConfigKeys.DevStackVariables"/>),
    /// environment variables prefixed <c>STREAMING__</c> (<c>STREAMING__KAFKA__BOOTSTRAPSERVERS</c>), then
    /// <paramref name="overridesFromFlags"/> (keys like <c>Kafka:BootstrapServers</c>; null values are ignored).
    /// </summary>
    /// <param name="overridesFromFlags">Values given on the command line, keyed by configuration key.</param>
    /// <param name="baseDirectory">Folder holding appsettings.json; the current directory when null.</param>
    /// <param name="environment">Environment variables to read; the process environment when null (tests pass their own).</param>
    public static IConfiguration Build(
        IDictionary<string, string?>? overridesFromFlags = null,
        string? baseDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = environment ?? ReadProcessEnvironment();
        var builder = new ConfigurationBuilder()
            .SetBasePath(Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory()))
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);

        var devStack = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in ConfigKeys.DevStackVariables)
        {
            if (env.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value))
            {
                devStack[key] = value;
            }
        }
        builder.AddInMemoryCollection(devStack);

        // Same mapping as AddEnvironmentVariables(prefix), done by hand so tests can inject the environment.
        var prefixed = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in env)
        {
            if (name.StartsWith(ConfigKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > ConfigKeys.EnvironmentPrefix.Length)
            {
                prefixed[name[ConfigKeys.EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value;
            }
        }
        builder.AddInMemoryCollection(prefixed);

        if (overridesFromFlags is not null)
        {
            builder.AddInMemoryCollection(overridesFromFlags.Where(pair => pair.Value is not null));
        }
        return builder.Build();
    }

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            values[(string)entry.Key] = entry.Value as string;
        }
        return values;
    }
}
