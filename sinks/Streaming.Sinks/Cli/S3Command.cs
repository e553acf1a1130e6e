using Streaming.Contracts.Serialization;
using Confluent.SchemaRegistry;
using Streaming.Contracts.Serdes;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.S3;

using Streaming.Observability;

namespace Streaming.Sinks.Cli;

/// <summary>
/// <c>sinks s3 --topic T --table NAME [--until-end] [--destination s3://bucket/prefix | file:///path] …</c> writes a topic
/// to hourly Parquet files, and <c>sinks s3 ddl --table NAME [--topic T] [--location s3://…]</c> prints the Athena DDL.
/// Configuration: flags, then <c>STREAMING__…</c>, then appsettings.json (S3_ENDPOINT, S3_BUCKET and KAFKA_BOOTSTRAP work
/// too). Logs go to stderr; the run summary of a bounded run and the DDL to stdout.
/// </summary>
internal static class S3Command
{
    /// <summary>The S3 sink's /metrics port when none is configured.</summary>
    public const int DefaultMetricsPort = 9466;

    public static Command Create()
    {
        var topic = new Option<string?>("--topic") { Description = "Topic to write (a contract topic, or one with a .suffix)." };
        var table = new Option<string?>("--table") { Description = "Table name: folder under the destination and Athena table (letters, digits, _)." };
        var untilEnd = new Option<bool>("--until-end") { Description = "Read to the end offsets captured at start, flush every open file, print a summary and exit 0." };
        var destination = new Option<string?>("--destination") { Description = $"s3://bucket/prefix or file:///path (default: s3://$S3_BUCKET when a bucket is configured, else {Destination.DefaultUri})." };
        var groupId = new Option<string?>("--group-id") { Description = "Consumer group id (default streaming-sink-s3-<table>)." };
        var maxRecords = new Option<long?>("--max-records") { Description = "Rotate a file at this many records (default 1000000)." };
        var maxBytes = new Option<long?>("--max-bytes") { Description = "Rotate a file at this estimated size in bytes (default 67108864)." };
        var rotateInterval = new Option<string?>("--rotate-interval") { Description = "Rotate a file after this wall-clock time, e.g. 10m (default off; breaks exactly-once on replay)." };
        var allowedLateness = new Option<string?>("--allowed-lateness") { Description = "How long after an hour ends its file stays open, by the sink's watermark (default 10m)." };
        var lateFileWindow = new Option<string?>("--late-file-window") { Description = "How long a late file (records of an hour already closed) stays open, in event time, e.g. 6h (default 6h)." };
        var maxOpenFiles = new Option<int?>("--max-open-files") { Description = "Most hours open at once per partition, late files included (default 8)." };
        var rowGroupBytes = new Option<long?>("--row-group-bytes") { Description = "Write a Parquet row group once its buffered values reach this size in bytes (default 16777216)." };
        var multipartThreshold = new Option<long?>("--multipart-threshold") { Description = "Upload files above this size in parts (default 8388608)." };
        var bootstrap = new Option<string?>(ConfigKeys.BootstrapServersFlag) { Description = "Kafka bootstrap servers (or KAFKA_BOOTSTRAP)." };
        var endpoint = new Option<string?>(ConfigKeys.S3EndpointFlag) { Description = "S3-compatible endpoint URL (or S3_ENDPOINT)." };

        var metrics = new MetricsCliOptions(DefaultMetricsPort);
        var command = new Command("s3", "Write a topic to hourly Parquet files on S3 or file://, exactly once.")
        {
            topic, table, untilEnd, destination, groupId, maxRecords, maxBytes, rotateInterval, allowedLateness, lateFileWindow, maxOpenFiles, rowGroupBytes, multipartThreshold, bootstrap, endpoint,
            CreateDdl(),
        };
        metrics.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [ConfigKeys.KafkaBootstrapServers] = parse.GetValue(bootstrap),
                [ConfigKeys.S3Endpoint] = parse.GetValue(endpoint),
                [S3SinkSettings.TopicKey] = parse.GetValue(topic),
                [S3SinkSettings.TableKey] = parse.GetValue(table),
                [Destination.ConfigKey] = parse.GetValue(destination),
                [S3SinkSettings.GroupIdKey] = parse.GetValue(groupId),
                [S3SinkSettings.MaxRecordsKey] = Text(parse.GetValue(maxRecords)),
                [S3SinkSettings.MaxBytesKey] = Text(parse.GetValue(maxBytes)),
                [S3SinkSettings.RotateIntervalKey] = parse.GetValue(rotateInterval),
                [S3SinkSettings.AllowedLatenessKey] = parse.GetValue(allowedLateness),
                [S3SinkSettings.LateFileWindowKey] = parse.GetValue(lateFileWindow),
                [S3SinkSettings.MaxOpenFilesKey] = Text(parse.GetValue(maxOpenFiles)),
                [S3SinkSettings.RowGroupKey] = Text(parse.GetValue(rowGroupBytes)),
                [S3SinkSettings.MultipartThresholdKey] = Text(parse.GetValue(multipartThreshold)),
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
        var settings = S3SinkSettings.Bind(configuration);
        var kafka = KafkaSettings.Bind(configuration).Validate();
        var registrySettings = SchemaRegistrySettings.Bind(configuration).Validate();
        using var loggerFactory = SinkLogging.Create(configuration);
        var logger = loggerFactory.CreateLogger("sinks.s3");
        var storage = CreateStorage(settings, logger);
        try
        {
            logger.LogInformation("sinks s3: {Topic} -> {Destination}/{Table}", settings.Topic, storage.Description, settings.Sink.Table);
            var stopwatch = Stopwatch.StartNew();
            var provider = new ParquetRecordWriterProvider(settings.Mapping, storage, settings.Sink.RowGroupSizeBytes);
            using var sink = new S3Sink(settings.Sink, storage, provider, logger);
            var options = new DeliveryOptions
            {
                Topics = [settings.Topic],
                GroupId = settings.GroupId,
                SinkName = "s3-" + settings.Sink.Table,
                UntilEnd = untilEnd,
            };
            using var serdes = new AvroSerdes(registrySettings);
            await using var observability = await SinkObservability.StartAsync(configuration, DefaultMetricsPort, untilEnd, "s3-" + settings.Sink.Table, logger).ConfigureAwait(false);
            var summary = await DeliveryRun.RunAsync(kafka, serdes, options, "sinks-s3-" + settings.Sink.Table, sink, logger, cancellationToken,
                observability.Summary, observability.Health).ConfigureAwait(false);
            await output.WriteLineAsync(summary.Format("s3", stopwatch.Elapsed) + " replay_skipped=" + sink.RecordsReplaySkipped.ToString(CultureInfo.InvariantCulture)
                + " " + sink.FileCounts.Format()).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await observability.LingerAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is KafkaException or TimeoutException or StorageException or SchemaRegistryException or SchemaRegistryUnavailableException)
        {
            await Console.Error.WriteLineAsync("sinks s3: " + (ex is KafkaException k ? "Kafka failed: " + k.Error.Reason : ex.Message)).ConfigureAwait(false);
            return 1;
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    /// <summary>The storage of the configured destination.</summary>
    internal static IStorage CreateStorage(S3SinkSettings settings, ILogger logger) => settings.Destination.IsS3
        ? new S3Storage(S3Storage.CreateClient(settings.S3), settings.Destination.Bucket, settings.Destination.Root, settings.Storage, logger)
        : new LocalFileStorage(settings.Destination.Root);

    private static Command CreateDdl()
    {
        var table = new Option<string?>("--table") { Description = "Table name (letters, digits, _)." };
        var topic = new Option<string?>("--topic") { Description = "Topic whose columns the table has (default: the contract topic whose name, with . and - as _, is the table name)." };
        var location = new Option<string?>("--location") { Description = "Table folder, e.g. s3://bucket/prefix/trips_clean/ (default: the configured destination's)." };
        var destination = new Option<string?>("--destination") { Description = "s3://bucket/prefix whose table folder is the location (when --location is not given)." };
        var rangeStart = new Option<string?>("--dt-start") { Description = $"First day of the dt projection, yyyy-MM-dd (default {AthenaDdl.DefaultRangeStart})." };
        var command = new Command("ddl", "Print the Athena CREATE EXTERNAL TABLE with partition projection on dt and hour.") { table, topic, location, destination, rangeStart };
        command.SetAction(parse =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [S3SinkSettings.TableKey] = parse.GetValue(table),
                [S3SinkSettings.TopicKey] = parse.GetValue(topic),
                [Destination.ConfigKey] = parse.GetValue(destination),
                [S3SinkSettings.DdlRangeStartKey] = parse.GetValue(rangeStart),
            };
            Console.Out.Write(Ddl(StreamingConfiguration.Build(overrides), parse.GetValue(location)));
            return 0;
        });
        return command;
    }

    /// <summary>The DDL text for a configuration.</summary>
    /// <exception cref="ConfigurationException">The table, topic, location or range start is invalid.</exception>
    internal static string Ddl(IConfiguration configuration, string? location)
    {
        var tableName = S3SinkSettings.RequireTable(configuration);
        var topicName = configuration[S3SinkSettings.TopicKey];
        if (string.IsNullOrWhiteSpace(topicName))
        {
            topicName = Topics.All.FirstOrDefault(t => t.Replace('.', '_').Replace('-', '_') == tableName)
                ?? throw new ConfigurationException(S3SinkSettings.TopicKey,
                    $"Table '{tableName}' is not named after a contract topic, so its columns are unknown: pass --topic.");
        }
        var mapping = S3SinkSettings.MappingOf(topicName);
        if (string.IsNullOrWhiteSpace(location))
        {
            location = S3SinkSettings.ResolveDestination(configuration).UriOf(PathSegment.Encode(tableName) + "/");
        }
        else if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) && !location.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException("S3Sink:Location", $"Location '{location}' is not an s3:// or file:// URI: pass --location s3://bucket/prefix/{tableName}/.");
        }
        var start = configuration[S3SinkSettings.DdlRangeStartKey];
        if (string.IsNullOrWhiteSpace(start))
        {
            start = AthenaDdl.DefaultRangeStart;
        }
        else if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ConfigurationException(S3SinkSettings.DdlRangeStartKey, $"'{start}' is not a yyyy-MM-dd date: fix --dt-start.");
        }
        return AthenaDdl.Create(tableName, mapping, location, start);
    }

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
