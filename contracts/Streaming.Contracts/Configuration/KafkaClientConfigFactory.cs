using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streaming.Contracts.Configuration.MskIam;

namespace Streaming.Contracts.Configuration;

/// <summary>Builds Confluent.Kafka client configurations from <see cref="KafkaSettings"/>.</summary>
public static class KafkaClientConfigFactory
{
    /// <summary>
    /// A producer configuration: bootstrap, security, the Java-compatible murmur2 partitioner (DESIGN §4), then the raw
    /// <see cref="KafkaSettings.Properties"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">A required or security setting is missing or invalid.</exception>
    public static ProducerConfig CreateProducerConfig(KafkaSettings settings, string? clientId = null)
    {
        var config = new ProducerConfig { Partitioner = Partitioner.Murmur2Random };
        Apply(config, settings, clientId);
        return config;
    }

    /// <summary>A consumer configuration with the given group id; auto commit off, earliest reset.</summary>
    /// <exception cref="ConfigurationException">A required or security setting is missing or invalid.</exception>
    public static ConsumerConfig CreateConsumerConfig(KafkaSettings settings, string groupId, string? clientId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var config = new ConsumerConfig
        {
            GroupId = groupId,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        Apply(config, settings, clientId);
        return config;
    }

    /// <summary>An admin client configuration.</summary>
    /// <exception cref="ConfigurationException">A required or security setting is missing or invalid.</exception>
    public static AdminClientConfig CreateAdminClientConfig(KafkaSettings settings, string? clientId = null)
    {
        var config = new AdminClientConfig();
        Apply(config, settings, clientId);
        return config;
    }

    /// <summary>
    /// The OAUTHBEARER token refresh every client built from <paramref name="settings"/> needs: the MSK IAM signer for
    /// AWS_MSK_IAM, otherwise null (librdkafka's own handling). Resolves the region now, so a missing one fails at start.
    /// </summary>
    /// <exception cref="ConfigurationException">AWS_MSK_IAM without a region (Kafka:MskIamRegion or AWS_REGION).</exception>
    public static Action<IClient, string>? OAuthBearerRefreshHandler(KafkaSettings settings, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.UsesMskIam ? MskIamOAuthBearer.Handler(settings.MskIamRegion, logger) : null;
    }

    private static void Apply(ClientConfig config, KafkaSettings settings, string? clientId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        config.BootstrapServers = settings.BootstrapServers;
        if (!string.IsNullOrEmpty(clientId))
        {
            config.ClientId = clientId;
        }
        if (!string.IsNullOrWhiteSpace(settings.SecurityProtocol))
        {
            config.SecurityProtocol = ParseEnum<SecurityProtocol>(settings.SecurityProtocol, "Kafka:SecurityProtocol", "plaintext, ssl, sasl_plaintext, sasl_ssl");
        }
        if (settings.UsesMskIam)
        {
            // MSK IAM is OAUTHBEARER over TLS; the token comes from OAuthBearerRefreshHandler.
            config.SaslMechanism = SaslMechanism.OAuthBearer;
            config.SecurityProtocol ??= SecurityProtocol.SaslSsl;
        }
        else if (!string.IsNullOrWhiteSpace(settings.SaslMechanism))
        {
            config.SaslMechanism = ParseEnum<SaslMechanism>(settings.SaslMechanism, "Kafka:SaslMechanism", "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI, OAUTHBEARER, AWS_MSK_IAM");
        }
        if (!string.IsNullOrEmpty(settings.SaslUsername))
        {
            config.SaslUsername = settings.SaslUsername;
        }
        if (!string.IsNullOrEmpty(settings.SaslPassword))
        {
            config.SaslPassword = settings.SaslPassword;
        }
        if (!string.IsNullOrEmpty(settings.SslCaLocation))
        {
            config.SslCaLocation = settings.SslCaLocation;
        }
        foreach (var (key, value) in settings.Properties)
        {
            config.Set(key, value);
        }
    }

    private static T ParseEnum<T>(string text, string key, string allowed)
        where T : struct, Enum
    {
        // librdkafka spells these with '_' or '-' (sasl_ssl, SCRAM-SHA-256); the enum names drop both.
        var normalized = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<T>(normalized, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new ConfigurationException(key, $"'{text}' is not a valid value for {key}: set {ConfigKeys.ToEnvironmentVariable(key)} to one of {allowed}.");
    }
}
