using Microsoft.Extensions.Logging;

namespace Streaming.Runtime;

/// <summary>Settings of a <see cref="TopologyTestDriver"/>.</summary>
public sealed class TopologyTestDriverOptions
{
    /// <summary>Application id (prefix of internal topics). Default "test-app".</summary>
    public string ApplicationId { get; set; } = "test-app";

    /// <summary>Partitions of a topic not listed in <see cref="TopicPartitions"/>. Default 1.</summary>
    public int DefaultPartitions { get; set; } = 1;

    /// <summary>Partition counts by topic; repartition topics by logical name or full name.</summary>
    public Dictionary<string, int> TopicPartitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Allowed lateness (watermark = stream time − this). Default 10 minutes.</summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a task with an empty input partition waits (mock wall-clock) before processing anyway. Default 0.</summary>
    public TimeSpan MaxTaskIdle { get; set; } = TimeSpan.Zero;

    /// <summary>Initial mock wall-clock time, epoch ms. Default 0.</summary>
    public long InitialWallClockTimeMs { get; set; }

    /// <summary>Default deserialization handler (sources may set their own). Default fail.</summary>
    public IDeserializationExceptionHandler DeserializationExceptionHandler { get; set; } = DeserializationExceptionHandlers.LogAndFail;

    /// <summary>Logs of the tasks; default none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
