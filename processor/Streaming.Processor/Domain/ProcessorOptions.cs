using System.Globalization;
using Microsoft.Extensions.Configuration;
using Streaming.Contracts.Configuration;

namespace Streaming.Processor.Domain;

/// <summary>
/// The processor's domain thresholds (configuration section <c>Processor</c>). Every rule of DESIGN §4 that has a number
/// reads it from here.
/// </summary>
/// <remarks>
/// Durations are read as <c>[-]d.hh:mm:ss[.fff]</c> (<see cref="TimeSpan"/> invariant format) or as an integer with a unit:
/// <c>500ms</c>, <c>30s</c>, <c>10m</c>, <c>24h</c>, <c>30d</c>. Durations are used with millisecond resolution.
/// </remarks>
public sealed class ProcessorOptions
{
    /// <summary>Configuration section of these options.</summary>
    public const string Section = "Processor";

    /// <summary>Key of <see cref="AllowedLateness"/>.</summary>
    public const string AllowedLatenessKey = "Processor:AllowedLateness";

    /// <summary>Key of <see cref="DedupRetention"/>.</summary>
    public const string DedupRetentionKey = "Processor:DedupRetention";

    /// <summary>Key of <see cref="StrikeTtl"/>.</summary>
    public const string StrikeTtlKey = "Processor:StrikeTtl";

    /// <summary>Key of <see cref="StrikeLimit"/>.</summary>
    public const string StrikeLimitKey = "Processor:StrikeLimit";

    /// <summary>Key of <see cref="SalaryStep"/>.</summary>
    public const string SalaryStepKey = "Processor:SalaryStep";

    /// <summary>Key of <see cref="FutureTolerance"/>.</summary>
    public const string FutureToleranceKey = "Processor:FutureTolerance";

    /// <summary>Key of <see cref="MarkedWordsFile"/>.</summary>
    public const string MarkedWordsFileKey = "Processor:MarkedWordsFile";

    /// <summary>A partition's watermark is its stream time minus this. Default 10 minutes.</summary>
    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>An id is remembered for deduplication until the watermark passes its event time plus this. Default 24 hours.</summary>
    public TimeSpan DedupRetention { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A strike expires this long after the message's sent_at, in event time. Default 30 days.</summary>
    public TimeSpan StrikeTtl { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Active strikes at which a sender becomes INACTIVE for good; also the highest level. Default 10.</summary>
    public int StrikeLimit { get; init; } = 10;

    /// <summary>salary_multiplier = SalaryStep^level. Default 0.9.</summary>
    public double SalaryStep { get; init; } = 0.9;

    /// <summary>A record whose event time is more than this ahead of its partition's stream time is rejected. Default 1 day.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Path of the marked-words file (one word per line, <c>#</c> comments). Default <c>data/marked-words.txt</c>.</summary>
    public string MarkedWordsFile { get; init; } = "data/marked-words.txt";

    /// <summary><see cref="AllowedLateness"/> in milliseconds.</summary>
    public long AllowedLatenessMs => ToMillis(AllowedLateness);

    /// <summary><see cref="DedupRetention"/> in milliseconds.</summary>
    public long DedupRetentionMs => ToMillis(DedupRetention);

    /// <summary><see cref="StrikeTtl"/> in milliseconds.</summary>
    public long StrikeTtlMs => ToMillis(StrikeTtl);

    /// <summary><see cref="FutureTolerance"/> in milliseconds.</summary>
    public long FutureToleranceMs => ToMillis(FutureTolerance);

    /// <summary>
    /// Reads section <c>Processor</c>; absent keys keep their defaults. The result is validated.
    /// </summary>
    /// <exception cref="ConfigurationException">A value cannot be parsed or is out of range; the message names the key.</exception>
    public static ProcessorOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new ProcessorOptions();
        return new ProcessorOptions
        {
            AllowedLateness = ReadDuration(configuration, AllowedLatenessKey) ?? defaults.AllowedLateness,
            DedupRetention = ReadDuration(configuration, DedupRetentionKey) ?? defaults.DedupRetention,
            StrikeTtl = ReadDuration(configuration, StrikeTtlKey) ?? defaults.StrikeTtl,
            StrikeLimit = ReadInt(configuration, StrikeLimitKey) ?? defaults.StrikeLimit,
            SalaryStep = ReadDouble(configuration, SalaryStepKey) ?? defaults.SalaryStep,
            FutureTolerance = ReadDuration(configuration, FutureToleranceKey) ?? defaults.FutureTolerance,
            MarkedWordsFile = Read(configuration, MarkedWordsFileKey) ?? defaults.MarkedWordsFile,
        }.Validate();
    }

    /// <summary>Checks every value.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ConfigurationException">A value is out of range; the message names the key and the value.</exception>
    public ProcessorOptions Validate()
    {
        RequireNonNegative(AllowedLateness, AllowedLatenessKey);
        RequirePositive(DedupRetention, DedupRetentionKey);
        RequirePositive(StrikeTtl, StrikeTtlKey);
        RequireNonNegative(FutureTolerance, FutureToleranceKey);
        if (StrikeLimit < 1)
        {
            throw new ConfigurationException(StrikeLimitKey, $"{StrikeLimitKey} must be at least 1, but is {StrikeLimit}.");
        }
        if (!double.IsFinite(SalaryStep) || SalaryStep <= 0 || SalaryStep > 1)
        {
            throw new ConfigurationException(
                SalaryStepKey, $"{SalaryStepKey} must be greater than 0 and at most 1, but is {SalaryStep.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (string.IsNullOrWhiteSpace(MarkedWordsFile))
        {
            throw new ConfigurationException(
                MarkedWordsFileKey, $"{MarkedWordsFileKey} must name the marked-words file; set {ConfigKeys.ToEnvironmentVariable(MarkedWordsFileKey)}.");
        }
        return this;
    }

    /// <summary>Parses a duration as documented on the class.</summary>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        (string Suffix, long Millis)[] units = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)];
        foreach (var (suffix, millis) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(trimmed.AsSpan(0, trimmed.Length - suffix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                return TimeSpan.FromMilliseconds(checked(count * millis));
            }
        }
        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }
        throw new FormatException($"'{text}' is not a duration: expected d.hh:mm:ss or a number with ms, s, m, h or d.");
    }

    private static long ToMillis(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMillisecond;

    private static void RequireNonNegative(TimeSpan value, string key)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ConfigurationException(key, $"{key} must not be negative, but is {value}.");
        }
    }

    private static void RequirePositive(TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ConfigurationException(key, $"{key} must be positive, but is {value}.");
        }
    }

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static TimeSpan? ReadDuration(IConfiguration configuration, string key)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return null;
        }
        try
        {
            return ParseDuration(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ConfigurationException(key, $"{key} = '{text}' is not a duration: expected d.hh:mm:ss or a number with ms, s, m, h or d (e.g. 10m).");
        }
    }

    private static int? ReadInt(IConfiguration configuration, string key)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException(key, $"{key} = '{text}' is not an integer.");
    }

    private static double? ReadDouble(IConfiguration configuration, string key)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return null;
        }
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException(key, $"{key} = '{text}' is not a number.");
    }
}
