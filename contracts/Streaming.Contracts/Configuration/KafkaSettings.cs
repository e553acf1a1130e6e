using Microsoft.Extensions.Configuration;

namespace Streaming.Contracts.Configuration;

/// <summary>Kafka connection settings (section <c>Kafka</c>).</summary>
public sealed class KafkaSettings
{
    /// <summary>Bootstrap servers, <c>host:port[,host:port]</c>. Required.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>librdkafka <c>security.protocol</c>: plaintext, ssl, sasl_plaintext, sasl_ssl. Default plaintext.</summary>
    public string? SecurityProtocol { get; set; }

    /// <summary>
    /// librdkafka <c>sasl.mechanism</c>: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI, OAUTHBEARER; or AWS_MSK_IAM for
    /// Amazon MSK IAM (OAUTHBEARER with a SigV4-signed token from the AWS default credential chain).
    /// </summary>
    public string? SaslMechanism { get; set; }

    /// <summary>Region of the MSK cluster for AWS_MSK_IAM (<c>Kafka:MskIamRegion</c>); AWS_REGION when unset.</summary>
    public string? MskIamRegion { get; set; }

    /// <summary>Whether <see cref="SaslMechanism"/> asks for Amazon MSK IAM authentication.</summary>
    public bool UsesMskIam =>
        SaslMechanism is { } mechanism && mechanism.Replace('-', '_').Equals(MskIamMechanism, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <see cref="SaslMechanism"/> value for Amazon MSK IAM.</summary>
    public const string MskIamMechanism = "AWS_MSK_IAM";

    /// <summary>SASL user name.</summary>
    public string? SaslUsername { get; set; }

    /// <summary>SASL password. Never logged.</summary>
    public string? SaslPassword { get; set; }

    /// <summary>Path of the CA certificate file (<c>ssl.ca.location</c>).</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>
    /// Extra raw librdkafka properties (section <c>Kafka:Properties</c>, e.g. <c>STREAMING__KAFKA__PROPERTIES__linger.ms=5</c>),
    /// applied last so they override everything else.
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Binds section <c>Kafka</c> of a configuration.</summary>
    public static KafkaSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new KafkaSettings();
        configuration.GetSection(ConfigKeys.KafkaSection).Bind(settings);
        return settings;
    }

    /// <summary>Checks the required settings.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ConfigurationException">Bootstrap servers are missing, or SASL is enabled without a mechanism.</exception>
    public KafkaSettings Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw ConfigurationException.Missing("Kafka bootstrap servers are", ConfigKeys.KafkaBootstrapServers, ConfigKeys.BootstrapServersFlag, "KAFKA_BOOTSTRAP");
        }
        if (SecurityProtocol is { } protocol && protocol.StartsWith("sasl", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(SaslMechanism))
        {
            throw ConfigurationException.Missing(
                $"Kafka security protocol '{protocol}' needs a SASL mechanism, which is", "Kafka:SaslMechanism", null, null);
        }
        return this;
    }
}
