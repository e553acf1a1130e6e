using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Streaming.Contracts.Logging;

namespace Streaming.Sinks.Cli;

/// <summary>
/// Console logging for the sink commands: everything to stderr, since stdout carries the run summary.
/// <c>Logging:Level</c> sets the level (default Information).
/// </summary>
internal static class SinkLogging
{
    public static ILoggerFactory Create(IConfiguration configuration) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(Enum.TryParse<LogLevel>(configuration["Logging:Level"], ignoreCase: true, out var level) ? level : LogLevel.Information)
        .AddOneLineConsole("HH:mm:ss.fff ")
        .AddFilter("Microsoft", LogLevel.Warning));
}
