using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Streaming.Contracts;
using Streaming.Contracts.Configuration;

namespace Streaming.Sinks.S3;

/// <summary>
/// Settings of <c>sinks s3</c> (configuration section <c>S3Sink</c>; flags override, then <c>STREAMING__S3SINK__…</c>,
/// then appsettings.json). The bucket, endpoint and keys come from section <c>S3</c> (S3_BUCKET, S3_ENDPOINT work).
/// </summary>
public sealed partial class S3SinkSettings
{
    /// <summary>Key of the topic.</summary>
    public const string TopicKey = "S3Sink:Topic";

    /// <summary>Key of the table name.</summary>
    public const string TableKey = "S3Sink:Table";

    /// <summary>Key of the consumer group id.</summary>
    public const string GroupIdKey = "S3Sink:GroupId";

    /// <summary>Key of the record bound per file.</summary>
    public const string MaxRecordsKey = "S3Sink:MaxRecords";

    /// <summary>Key of the byte bound per file.</summary>
    public const string MaxBytesKey = "S3Sink:MaxBytes";

    /// <summary>Key of the wall-clock bound per file (e.g. 10m; off when empty).</summary>
    public const string RotateIntervalKey = "S3Sink:RotateInterval";

    /// <summary>Key of the allowed lateness (e.g. 10m).</summary>
    public const string AllowedLatenessKey = "S3Sink:AllowedLateness";

    /// <summary>Key of how long a late file stays open, in event time (e.g. 6h).</summary>
    public const string LateFileWindowKey = "S3Sink:LateFileWindow";

    /// <summary>Key of the open-hours bound per partition.</summary>
    public const string MaxOpenFilesKey = "S3Sink:MaxOpenFiles";

    /// <summary>Key of the multipart threshold in bytes.</summary>
    public const string MultipartThresholdKey = "S3Sink:MultipartThresholdBytes";

    /// <summary>Key of the multipart part size in bytes.</summary>
    public const string PartSizeKey = "S3Sink:PartSizeBytes";

    /// <summary>Key of the Parquet row-group size in bytes.</summary>
    public const string RowGroupKey = "S3Sink:RowGroupBytes";

    /// <summary>Key of the first day of the DDL's dt projection.</summary>
    public const string DdlRangeStartKey = "S3Sink:DdlRangeStart";

    /// <summary>The topic to read.</summary>
    public required string Topic { get; init; }

    /// <summary>The table mapping of the topic.</summary>
    public required ParquetTableMapping Mapping { get; init; }

    /// <summary>The consumer group id.</summary>
    public required string GroupId { get; init; }

    /// <summary>Where the lake is.</summary>
    public required Destination Destination { get; init; }

    /// <summary>Layout and rotation.</summary>
    public required S3SinkOptions Sink { get; init; }

    /// <summary>Upload tuning.</summary>
    public required S3StorageOptions Storage { get; init; }

    /// <summary>S3 connection settings (endpoint, region, keys); the bucket is the destination's.</summary>
    public required S3Settings S3 { get; init; }

    /// <summary>Reads and checks the settings for a sink run.</summary>
    /// <exception cref="ConfigurationException">A setting is missing or invalid; names the key.</exception>
    public static S3SinkSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var table = RequireTable(configuration);
        var topic = configuration[TopicKey];
        if (string.IsNullOrWhiteSpace(topic))
        {
            throw new ConfigurationException(TopicKey, $"The topic to write is not configured: pass --topic or set {ConfigKeys.ToEnvironmentVariable(TopicKey)}.");
        }
        var mapping = MappingOf(topic);
        var destination = ResolveDestination(configuration);
        var s3 = S3Settings.Bind(configuration);
        if (destination.IsS3)
        {
            s3.Bucket = destination.Bucket;
            s3.Validate();
        }
        var sink = new S3SinkOptions
        {
            Table = table,
            MaxRecordsPerFile = Long(configuration, MaxRecordsKey, 1_000_000, 1),
            MaxBytesPerFile = Long(configuration, MaxBytesKey, 64L * 1024 * 1024, 1024),
            RotateInterval = Duration(configuration, RotateIntervalKey, null),
            AllowedLateness = Duration(configuration, AllowedLatenessKey, TimeSpan.FromMinutes(10)) ?? TimeSpan.Zero,
            LateFileWindow = Duration(configuration, LateFileWindowKey, TimeSpan.FromHours(6)) is { } window && window > TimeSpan.Zero
                ? window
                : throw new ConfigurationException(LateFileWindowKey, $"{LateFileWindowKey} must be a positive duration, e.g. 6h ({ConfigKeys.ToEnvironmentVariable(LateFileWindowKey)} or --late-file-window)."),
            MaxOpenFilesPerPartition = (int)Long(configuration, MaxOpenFilesKey, S3SinkOptions.DefaultMaxOpenFilesPerPartition, 1),
            RowGroupSizeBytes = Long(configuration, RowGroupKey, S3SinkOptions.DefaultRowGroupSizeBytes, 1024),
        };
        var storage = new S3StorageOptions
        {
            MultipartThresholdBytes = Long(configuration, MultipartThresholdKey, 8L * 1024 * 1024, 1),
            PartSizeBytes = Long(configuration, PartSizeKey, 8L * 1024 * 1024, S3StorageOptions.MinimumPartSizeBytes),
            UseChunkEncoding = s3.EffectiveUseChunkEncoding,
        };
        return new S3SinkSettings
        {
            Topic = topic,
            Mapping = mapping,
            GroupId = configuration[GroupIdKey] is { Length: > 0 } group ? group : "streaming-sink-s3-" + table,
            Destination = destination,
            Sink = sink,
            Storage = storage,
            S3 = s3,
        };
    }

    /// <summary>The table name, checked: letters, digits and underscores (an Athena identifier and one safe path segment).</summary>
    /// <exception cref="ConfigurationException">Missing or not an identifier.</exception>
    public static string RequireTable(IConfiguration configuration)
    {
        var table = configuration[TableKey];
        if (string.IsNullOrWhiteSpace(table))
        {
            throw new ConfigurationException(TableKey, $"The table name is not configured: pass --table or set {ConfigKeys.ToEnvironmentVariable(TableKey)}.");
        }
        if (!TableName().IsMatch(table))
        {
            throw new ConfigurationException(TableKey, $"Table name '{table}' is not valid: use letters, digits and underscores only (e.g. trips_clean), with --table or {ConfigKeys.ToEnvironmentVariable(TableKey)}.");
        }
        return table;
    }

    /// <summary>The table mapping of a topic.</summary>
    /// <exception cref="ConfigurationException">The topic has no known record type.</exception>
    public static ParquetTableMapping MappingOf(string topic) =>
        ParquetTableMappings.ForTopic(topic) ?? throw new ConfigurationException(TopicKey,
            $"Topic '{topic}' has no known record type: use one of {string.Join(", ", Topics.All)} (or one with a .suffix), with --topic or {ConfigKeys.ToEnvironmentVariable(TopicKey)}.");

    /// <summary>
    /// The destination: <see cref="Destination.ConfigKey"/> when set; else <c>s3://{S3:Bucket}/{S3:Prefix}</c> when a bucket is
    /// configured; else the embedded default <see cref="Destination.DefaultUri"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The URI is invalid.</exception>
    public static Destination ResolveDestination(IConfiguration configuration)
    {
        if (configuration[Destination.ConfigKey] is { Length: > 0 } uri)
        {
            return Destination.Parse(uri);
        }
        if (configuration[ConfigKeys.S3Bucket] is { Length: > 0 } bucket)
        {
            return Destination.ForBucket(bucket, configuration["S3:Prefix"]);
        }
        return Destination.Parse(Destination.DefaultUri);
    }

    private static long Long(IConfiguration configuration, string key, long fallback, long minimum)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ConfigurationException(key, $"'{text}' is not a valid value for {key}: use a whole number ≥ {minimum} ({ConfigKeys.ToEnvironmentVariable(key)} or its flag).");
    }

    /// <summary>Parses 500ms, 90s, 10m, 1h, or a TimeSpan (00:10:00); empty means <paramref name="fallback"/>.</summary>
    internal static TimeSpan? Duration(IConfiguration configuration, string key, TimeSpan? fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (TryParseDuration(text.Trim(), out var value) && value >= TimeSpan.Zero)
        {
            return value;
        }
        throw new ConfigurationException(key, $"'{text}' is not a valid duration for {key}: use e.g. 500ms, 90s, 10m, 1h or 00:10:00 ({ConfigKeys.ToEnvironmentVariable(key)} or its flag).");
    }

    private static bool TryParseDuration(string text, out TimeSpan value)
    {
        var match = DurationText().Match(text);
        if (match.Success)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            value = match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,128}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)$")]
    private static partial Regex DurationText();
}
