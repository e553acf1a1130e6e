namespace Streaming.Contracts.Configuration;

/// <summary>
/// Configuration keys (IConfiguration paths) and the command-line flags and dev-stack variables that feed them.
/// Executables map their flags to these keys in the overrides passed to <see cref="StreamingConfiguration.Build"/>.
/// </summary>
public static class ConfigKeys
{
    /// <summary>Section of <see cref="KafkaSettings"/>.</summary>
    public const string KafkaSection = "Kafka";

    /// <summary>Section of <see cref="SchemaRegistrySettings"/>.</summary>
    public const string SchemaRegistrySection = "SchemaRegistry";

    /// <summary>Section of <see cref="PostgresSettings"/>.</summary>
    public const string PostgresSection = "Postgres";

    /// <summary>Section of <see cref="S3Settings"/>.</summary>
    public const string S3Section = "S3";

    /// <summary>Kafka bootstrap servers (flag <see cref="BootstrapServersFlag"/>, dev variable KAFKA_BOOTSTRAP).</summary>
    public const string KafkaBootstrapServers = "Kafka:BootstrapServers";

    /// <summary>Schema Registry URL, <c>http(s)://host:port</c>.</summary>
    public const string SchemaRegistryUrl = "SchemaRegistry:Url";

    /// <summary>Npgsql connection string (dev variable PG_CONNECTION).</summary>
    public const string PostgresConnectionString = "Postgres:ConnectionString";

    /// <summary>S3 endpoint URL for S3-compatible servers (dev variable S3_ENDPOINT); empty means AWS.</summary>
    public const string S3Endpoint = "S3:Endpoint";

    /// <summary>S3 bucket (dev variable S3_BUCKET).</summary>
    public const string S3Bucket = "S3:Bucket";

    /// <summary>Suggested flag for <see cref="KafkaBootstrapServers"/>.</summary>
    public const string BootstrapServersFlag = "--bootstrap-servers";

    /// <summary>Suggested flag for <see cref="SchemaRegistryUrl"/>.</summary>
    public const string SchemaRegistryFlag = "--schema-registry";

    /// <summary>Suggested flag for <see cref="PostgresConnectionString"/>.</summary>
    public const string PostgresFlag = "--pg-connection";

    /// <summary>Suggested flag for <see cref="S3Bucket"/>.</summary>
    public const string S3BucketFlag = "--s3-bucket";

    /// <summary>Suggested flag for <see cref="S3Endpoint"/>.</summary>
    public const string S3EndpointFlag = "--s3-endpoint";

    /// <summary>Prefix of the environment variables read into configuration (<c>STREAMING__KAFKA__BOOTSTRAPSERVERS</c>).</summary>
    public const string EnvironmentPrefix = "STREAMING__";

    /// <summary>The plain dev-stack variables (scripts/dev.sh writes them to .dev/env) and the keys they set.</summary>
    public static IReadOnlyDictionary<string, string> DevStackVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KAFKA_BOOTSTRAP"] = KafkaBootstrapServers,
        ["SCHEMA_REGISTRY_URL"] = SchemaRegistryUrl,
        ["PG_CONNECTION"] = PostgresConnectionString,
        ["S3_ENDPOINT"] = S3Endpoint,
        ["S3_BUCKET"] = S3Bucket,
    };

    /// <summary>The <c>STREAMING__</c> environment variable of a key: <c>Kafka:BootstrapServers</c> → <c>STREAMING__KAFKA__BOOTSTRAPSERVERS</c>.</summary>
    public static string ToEnvironmentVariable(string key) =>
        EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
}
