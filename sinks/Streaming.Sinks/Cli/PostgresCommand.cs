using System.CommandLine;
using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;
using Confluent.SchemaRegistry;
using Streaming.Contracts.Serdes;
using Streaming.Contracts.Serialization;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres;

using Streaming.Observability;

namespace Streaming.Sinks.Cli;

/// <summary>
/// <c>sinks postgres [--until-end] [--topics …] [--batch-size N] [--group-id G] [--sink-name NAME]</c>: delivers the
/// result topics to PostgreSQL exactly once. Configuration: flags, then <c>STREAMING__…</c>, then appsettings.json
/// (PG_CONNECTION and KAFKA_BOOTSTRAP work too). Logs go to stderr; the run summary of a bounded run to stdout.
/// </summary>
internal static class PostgresCommand
{
    /// <summary>The Postgres sink's /metrics port when none is configured.</summary>
    public const int DefaultMetricsPort = 9465;

    public static Command Create()
    {
        var untilEnd = new Option<bool>("--until-end") { Description = "Read to the end offsets captured at start, flush, print a summary and exit 0." };
        var topics = new Option<string[]>("--topics")
        {
            Description = $"Topics to deliver (default: {string.Join(", ", PostgresSinkSettings.SupportedTopics)}).",
            AllowMultipleArgumentsPerToken = true,
        };
        var batchSize = new Option<int?>("--batch-size") { Description = "Records per batch transaction (default 5000)." };
        var batchIntervalMs = new Option<int?>("--batch-interval-ms") { Description = "Longest wait of a buffered record before its batch is written (default 1000)." };
        var groupId = new Option<string?>("--group-id") { Description = "Consumer group id (default streaming-sink-postgres)." };
        var sinkName = new Option<string?>("--sink-name") { Description = "Name of this sink's rows in sink_offsets (default postgres)." };
        var pgConnection = new Option<string?>(ConfigKeys.PostgresFlag) { Description = "Npgsql connection string (or PG_CONNECTION)." };
        var bootstrap = new Option<string?>(ConfigKeys.BootstrapServersFlag) { Description = "Kafka bootstrap servers (or KAFKA_BOOTSTRAP)." };
        var schemaRegistry = new Option<string?>(ConfigKeys.SchemaRegistryFlag) { Description = "Schema Registry URL, http(s)://host:port (default: SCHEMA_REGISTRY_URL)." };

        var metrics = new MetricsCliOptions(DefaultMetricsPort);
        var command = new Command("postgres", "Deliver trips.city-hourly, messages.flagged and senders.strike-status to PostgreSQL, exactly once.")
        {
            untilEnd, topics, batchSize, batchIntervalMs, groupId, sinkName, pgConnection, bootstrap, schemaRegistry,
        };
        metrics.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [ConfigKeys.KafkaBootstrapServers] = parse.GetValue(bootstrap),
                [ConfigKeys.PostgresConnectionString] = parse.GetValue(pgConnection),
                [ConfigKeys.SchemaRegistryUrl] = parse.GetValue(schemaRegistry),
                [PostgresSinkSettings.TopicsKey] = parse.GetValue(topics) is { Length: > 0 } t ? string.Join(',', t) : null,
                [PostgresSinkSettings.BatchSizeKey] = parse.GetValue(batchSize)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [PostgresSinkSettings.BatchIntervalMsKey] = parse.GetValue(batchIntervalMs)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [PostgresSinkSettings.GroupIdKey] = parse.GetValue(groupId),
                [PostgresSinkSettings.SinkNameKey] = parse.GetValue(sinkName),
            };
            metrics.AddOverrides(parse, overrides);
            return await RunAsync(StreamingConfiguration.Build(overrides), parse.GetValue(untilEnd), Console.Out, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the sink with a built configuration; returns the exit code.</summary>
    /// <exception cref="ConfigurationException">A setting is missing or invalid.</exception>
    internal static async Task<int> RunAsync(IConfiguration configuration, bool untilEnd, TextWriter output, CancellationToken cancellationToken)
    {
        var kafka = KafkaSettings.Bind(configuration).Validate();
        var postgres = PostgresSettings.Bind(configuration).Validate();
        var settings = PostgresSinkSettings.Bind(configuration);
        var registrySettings = SchemaRegistrySettings.Bind(configuration).Validate();
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = new NpgsqlDataSourceBuilder(postgres.ConnectionString).Build();
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(ConfigKeys.PostgresConnectionString,
                $"the PostgreSQL connection string is invalid ({ex.Message}): fix {ConfigKeys.PostgresFlag}, {ConfigKeys.ToEnvironmentVariable(ConfigKeys.PostgresConnectionString)} or PG_CONNECTION.");
        }

        using var loggerFactory = SinkLogging.Create(configuration);
        // Logs to stderr only: stdout carries the run summary.
        var logger = loggerFactory.CreateLogger("sinks.postgres");
        using var serdes = new AvroSerdes(registrySettings);
        await using var observability = await SinkObservability.StartAsync(configuration, DefaultMetricsPort, untilEnd, "postgres", logger).ConfigureAwait(false);
        await using (dataSource.ConfigureAwait(false))
        {
            var retry = new RetryPolicy(PostgresErrors.IsTransient, logger, health: observability.Health, dependency: "postgres");
            observability.Retries = () => retry.Retries;
            var stopwatch = Stopwatch.StartNew();
            try
            {
                await retry.ExecuteAsync(async ct => await new SchemaMigrator(dataSource, logger).MigrateAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                var sink = new PostgresSink(dataSource, settings, logger, retry);
                var options = new DeliveryOptions
                {
                    Topics = settings.Topics,
                    GroupId = settings.GroupId,
                    SinkName = settings.SinkName,
                    UntilEnd = untilEnd,
                    AssignmentStrategy = settings.ParsedAssignmentStrategy,
                };
                var summary = await DeliveryRun.RunAsync(kafka, serdes, options, "sinks-postgres-" + settings.SinkName, sink, logger, cancellationToken,
                    observability.Summary, observability.Health).ConfigureAwait(false);
                await output.WriteLineAsync(summary.Format("postgres", stopwatch.Elapsed)).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                await observability.LingerAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is NpgsqlException or KafkaException or TimeoutException or SchemaRegistryException or SchemaRegistryUnavailableException)
            {
                await Console.Error.WriteLineAsync($"sinks postgres: {Describe(ex)}").ConfigureAwait(false);
                return 1;
            }
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"PostgreSQL refused the work ({pg.SqlState}): {pg.MessageText}",
        NpgsqlException => $"PostgreSQL failed: {ex.Message}",
        KafkaException kafka => $"Kafka failed: {kafka.Error.Reason}",
        SchemaRegistryException => $"Schema Registry failed: {ex.Message}",
        SchemaRegistryUnavailableException => ex.Message,
        _ => ex.Message,
    };
}
