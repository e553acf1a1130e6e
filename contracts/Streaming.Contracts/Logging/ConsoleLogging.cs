using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Streaming.Contracts.Logging;

/// <summary>The executables' console logging: every entry to stderr (stdout carries run summaries), one line each.</summary>
public static class ConsoleLogging
{
    /// <summary>Adds the console logger with <see cref="OneLineConsoleFormatter"/>.</summary>
    public static ILoggingBuilder AddOneLineConsole(this ILoggingBuilder builder, string timestampFormat)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = OneLineConsoleFormatter.FormatterName;
        });
        builder.Services.AddSingleton<ConsoleFormatter>(new OneLineConsoleFormatter { TimestampFormat = timestampFormat });
        return builder;
    }
}
