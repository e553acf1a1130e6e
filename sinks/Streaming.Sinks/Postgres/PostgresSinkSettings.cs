using Streaming.Contracts;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Streaming.Contracts.Configuration;

namespace Streaming.Sinks.Postgres;

/// <summary>Settings of <c>sinks postgres</c> (section <c>Sinks:Postgres</c>), next to the shared <see cref="PostgresSettings"/>.</summary>
public sealed class PostgresSinkSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Sinks:Postgres";

    /// <summary>Key of <see cref="Topics"/> (comma-separated).</summary>
    public const string TopicsKey = Section + ":Topics";

    /// <summary>Key of <see cref="BatchSize"/>.</summary>
    public const string BatchSizeKey = Section + ":BatchSize";

    /// <summary>Key of <see cref="BatchInterval"/> in milliseconds.</summary>
    public const string BatchIntervalMsKey = Section + ":BatchIntervalMs";

    /// <summary>Key of <see cref="GroupId"/>.</summary>
    public const string GroupIdKey = Section + ":GroupId";

    /// <summary>Key of <see cref="SinkName"/>.</summary>
    public const string SinkNameKey = Section + ":SinkName";

    /// <summary>Key of <see cref="AssignmentStrategy"/>.</summary>
    public const string AssignmentStrategyKey = Section + ":AssignmentStrategy";

    /// <summary>The topics the sink understands; suffixed backfill topics (<c>trips.city-hourly.bf1</c>) map to the same tables.</summary>
    public static IReadOnlyList<string> SupportedTopics { get; } = [Contracts.Topics.TripsCityHourly, Contracts.Topics.MessagesFlagged, Contracts.Topics.SendersStrikeStatus];

    /// <summary>Topics to read; default the three result topics.</summary>
    public IReadOnlyList<string> Topics { get; init; } = SupportedTopics;

    /// <summary>Records per batch (transaction); default 5000.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Longest time a record waits in the buffer before its batch is written; default 1 s.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Consumer group id; default <c>streaming-sink-postgres</c>.</summary>
    public string GroupId { get; init; } = "streaming-sink-postgres";

    /// <summary>Name under which offsets are kept in <c>sink_offsets</c>; default <c>postgres</c>.</summary>
    public string SinkName { get; init; } = "postgres";

    /// <summary>librdkafka partition assignment strategy; default <c>range</c> (eager; see DESIGN §2).</summary>
    public string AssignmentStrategy { get; init; } = "range";

    /// <summary>Binds and validates the section.</summary>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key and the value.</exception>
    public static PostgresSinkSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new PostgresSinkSettings();
        var topicsText = configuration[TopicsKey];
        var topics = string.IsNullOrWhiteSpace(topicsText)
            ? defaults.Topics
            : topicsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var topic in topics)
        {
            if (Contracts.Topics.ContractTopicOf(topic) is not { } contract || !SupportedTopics.Contains(contract))
            {
                throw new ConfigurationException(TopicsKey,
                    $"topic '{topic}' has no PostgreSQL table: set --topics (or {ConfigKeys.ToEnvironmentVariable(TopicsKey)}) to some of {string.Join(", ", SupportedTopics)} or their prefixed or suffixed copies.");
            }
        }
        var batchSize = ReadInt(configuration, BatchSizeKey, defaults.BatchSize, "--batch-size");
        var intervalMs = ReadInt(configuration, BatchIntervalMsKey, (int)defaults.BatchInterval.TotalMilliseconds, null);
        return new PostgresSinkSettings
        {
            Topics = topics,
            BatchSize = batchSize,
            BatchInterval = TimeSpan.FromMilliseconds(intervalMs),
            GroupId = ReadName(configuration, GroupIdKey, defaults.GroupId, "--group-id"),
            SinkName = ReadName(configuration, SinkNameKey, defaults.SinkName, "--sink-name"),
            AssignmentStrategy = ReadStrategy(configuration, defaults.AssignmentStrategy),
        };
    }

    /// <summary>The assignment strategy as the Confluent.Kafka enum.</summary>
    public Confluent.Kafka.PartitionAssignmentStrategy ParsedAssignmentStrategy => AssignmentStrategy.ToLowerInvariant() switch
    {
        "range" => Confluent.Kafka.PartitionAssignmentStrategy.Range,
        "roundrobin" => Confluent.Kafka.PartitionAssignmentStrategy.RoundRobin,
        "cooperative-sticky" => Confluent.Kafka.PartitionAssignmentStrategy.CooperativeSticky,
        _ => throw new ConfigurationException(AssignmentStrategyKey, $"'{AssignmentStrategy}' is not an assignment strategy: set {ConfigKeys.ToEnvironmentVariable(AssignmentStrategyKey)} to range, roundrobin or cooperative-sticky."),
    };

    private static int ReadInt(IConfiguration configuration, string key, int fallback, string? flag)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            var how = flag is null ? $"set {ConfigKeys.ToEnvironmentVariable(key)}" : $"pass {flag} or set {ConfigKeys.ToEnvironmentVariable(key)}";
            throw new ConfigurationException(key, $"'{text}' is not a valid value for {key}: {how} to a positive whole number.");
        }
        return value;
    }

    private static string ReadName(IConfiguration configuration, string key, string fallback, string flag)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ConfigurationException(key, $"{key} is empty: pass {flag} or set {ConfigKeys.ToEnvironmentVariable(key)} to a non-empty name.");
        }
        return text.Trim();
    }

    private static string ReadStrategy(IConfiguration configuration, string fallback)
    {
        var settings = new PostgresSinkSettings { AssignmentStrategy = configuration[AssignmentStrategyKey] ?? fallback };
        _ = settings.ParsedAssignmentStrategy;
        return settings.AssignmentStrategy;
    }
}
