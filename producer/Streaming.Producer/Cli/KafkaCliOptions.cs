using System.CommandLine;
using Streaming.Contracts.Configuration;
using Streaming.Producer.Generation;
using Streaming.Producer.Output;
using Streaming.Contracts.Cli;

namespace Streaming.Producer.Cli;

/// <summary>The connection flags both commands share, and how they resolve against configuration.</summary>
internal sealed class KafkaCliOptions
{
    public Option<string?> BootstrapServers { get; } = new(ConfigKeys.BootstrapServersFlag)
    {
        Description = "Kafka bootstrap servers host:port[,host:port] (else STREAMING__KAFKA__BOOTSTRAPSERVERS, KAFKA_BOOTSTRAP or appsettings.json).",
    };

    public Option<string?> SchemaRegistry { get; } = new(ConfigKeys.SchemaRegistryFlag)
    {
        Description = "Schema Registry URL, http(s)://host:port (default: SCHEMA_REGISTRY_URL).",
    };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to wait for a Kafka broker to answer before giving up.",
        DefaultValueFactory = _ => 10,
    };

    public Option<double> FlushTimeout { get; } = new("--flush-timeout")
    {
        Description = "Seconds the final flush may take; records still unacknowledged then count as failed.",
        DefaultValueFactory = _ => 60,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(BootstrapServers);
        command.Options.Add(SchemaRegistry);
        command.Options.Add(ConnectTimeout);
        command.Options.Add(FlushTimeout);
    }

    /// <summary>Resolves flags → STREAMING__ environment → appsettings.json into sink options.</summary>
    /// <exception cref="ConfigurationException">Bootstrap servers missing or a setting invalid.</exception>
    /// <exception cref="UsageException">A timeout flag is out of range.</exception>
    public KafkaSinkOptions Resolve(ParseResult result, CliContext context, IReadOnlyDictionary<EventStream, string> topics)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ConfigKeys.KafkaBootstrapServers] = result.GetValue(BootstrapServers),
            [ConfigKeys.SchemaRegistryUrl] = result.GetValue(SchemaRegistry),
        };
        var configuration = StreamingConfiguration.Build(overrides, environment: context.Environment);
        var kafka = KafkaSettings.Bind(configuration).Validate();
        var registry = SchemaRegistrySettings.Bind(configuration).Validate();
        return new KafkaSinkOptions(
            kafka,
            registry,
            topics,
            Seconds(result.GetValue(ConnectTimeout), "--connect-timeout"),
            Seconds(result.GetValue(FlushTimeout), "--flush-timeout"));
    }

    private static TimeSpan Seconds(double value, string flag) =>
        double.IsFinite(value) && value > 0 && value <= 3600
            ? TimeSpan.FromSeconds(value)
            : throw new UsageException($"{flag} {value} is out of range; pass seconds from 0 to 3600 (e.g. 10).");
}
