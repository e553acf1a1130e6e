using Streaming.Contracts.Cli;
using Microsoft.Extensions.Configuration;
using System.CommandLine;
using Streaming.Contracts.Configuration;
using Streamiz.Kafka.Net;

namespace Streaming.Processor.Cli;

/// <summary>Flags shared by <c>run</c> and <c>backfill</c>, and how they resolve against configuration.</summary>
internal sealed class ProcessorCliOptions
{
    public const string DefaultApplicationId = "streaming-processor";

    public Option<string?> BootstrapServers { get; } = new(ConfigKeys.BootstrapServersFlag)
    {
        Description = "Kafka bootstrap servers (else STREAMING__KAFKA__BOOTSTRAPSERVERS, KAFKA_BOOTSTRAP or appsettings.json).",
    };

    public Option<string?> SchemaRegistry { get; } = new(ConfigKeys.SchemaRegistryFlag)
    {
        Description = "Schema Registry URL, http(s)://host:port (default: SCHEMA_REGISTRY_URL).",
    };

    public Option<string> Guarantee { get; } = new("--guarantee")
    {
        Description = "Processing guarantee: exactly_once (default) or at_least_once.",
        DefaultValueFactory = _ => "exactly_once",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Stream threads (num_stream_threads).",
        DefaultValueFactory = _ => 1,
    };

    public Option<string?> OutputSuffix { get; } = new("--output-suffix")
    {
        Description = "Write to suffixed output topics (trips.clean.SUFFIX …) instead of the normal ones.",
    };

    public Option<string?> TopicPrefix { get; } = new("--topic-prefix")
    {
        Description = "Prefix for every input and output topic (e.g. 'e2e-1.' reads e2e-1.trips); for isolated runs.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(TopicPrefix);
        command.Options.Add(BootstrapServers);
        command.Options.Add(SchemaRegistry);
        command.Options.Add(Guarantee);
        command.Options.Add(Threads);
        command.Options.Add(OutputSuffix);
    }

    public IConfiguration Configuration(ParseResult result, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ConfigKeys.KafkaBootstrapServers] = result.GetValue(BootstrapServers),
            [ConfigKeys.SchemaRegistryUrl] = result.GetValue(SchemaRegistry),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        return StreamingConfiguration.Build(overrides);
    }

    public ProcessingGuarantee ResolveGuarantee(ParseResult result) => result.GetValue(Guarantee) switch
    {
        "exactly_once" => ProcessingGuarantee.EXACTLY_ONCE,
        "at_least_once" => ProcessingGuarantee.AT_LEAST_ONCE,
        var other => throw new UsageException($"--guarantee '{other}' is not known; pass exactly_once or at_least_once."),
    };

    public int ResolveThreads(ParseResult result) => result.GetValue(Threads) is var n and >= 1 and <= 64
        ? n
        : throw new UsageException($"--threads {result.GetValue(Threads)} is out of range; pass 1 to 64.");
}
