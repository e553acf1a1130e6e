namespace Streaming.TestSupport;

/// <summary>
/// Settings of the running dev stack (scripts/dev.sh up). Values come from the environment first,
/// then from .dev/env. A missing value fails the test with a sentence naming the service.
/// </summary>
public static class DevStack
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_envFile = new(ReadEnvFile);

    public static string KafkaBootstrap => Require("KAFKA_BOOTSTRAP", "Kafka (dev mock cluster)");

    public static string SchemaRegistryUrl => Require("SCHEMA_REGISTRY_URL", "Schema Registry (dev registry)");

    public static string PgConnection => Require("PG_CONNECTION", "PostgreSQL");

    public static string S3Endpoint => Require("S3_ENDPOINT", "S3 (s3rver)");

    public static string S3Bucket => Require("S3_BUCKET", "S3 (s3rver)");

    public static string? Get(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }
        return s_envFile.Value.TryGetValue(name, out var fromFile) ? fromFile : null;
    }

    private static string Require(string name, string service) =>
        Get(name) ?? throw new InvalidOperationException(
            $"{service} is not available: {name} is not set and not in .dev/env. Start the dev stack with 'scripts/dev.sh up'.");

    private static Dictionary<string, string> ReadEnvFile()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = RepoPaths.Combine(".dev", "env");
        if (!File.Exists(path))
        {
            return values;
        }
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..];
            }
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            values[line[..eq]] = Unquote(line[(eq + 1)..]);
        }
        return values;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0] ? value[1..^1] : value;
}
