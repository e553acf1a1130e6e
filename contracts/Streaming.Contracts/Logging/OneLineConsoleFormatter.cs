using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Streaming.Contracts.Logging;

/// <summary>
/// Console log lines for operators: one line per entry, and never a stack trace. Libraries (Streamiz above all) put
/// <c>exception.ToString()</c> into their messages; the line keeps the exception's type and message and drops the frames.
/// </summary>
public sealed class OneLineConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The name to select it by (<c>ConsoleLoggerOptions.FormatterName</c>).</summary>
    public const string FormatterName = "streaming-one-line";

    private const string StackFrame = "\n   at ";

    /// <summary>The timestamp format; none when null.</summary>
    public string? TimestampFormat { get; init; }

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter(logEntry.State, null);
        if (logEntry.Exception is { } exception && !message.Contains(exception.Message, StringComparison.Ordinal))
        {
            message += $" ({exception.GetType().Name}: {exception.Message})";
        }
        if (TimestampFormat is not null)
        {
            textWriter.Write(DateTimeOffset.Now.ToString(TimestampFormat, System.Globalization.CultureInfo.InvariantCulture));
        }
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(' ');
        textWriter.WriteLine(OneLine(message));
    }

    /// <summary>The text up to its first stack frame, its line breaks as spaces.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var frame = normalized.IndexOf(StackFrame, StringComparison.Ordinal);
        var head = frame < 0 ? normalized : normalized[..frame];
        return head.Replace('\n', ' ').TrimEnd();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString(),
    };
}
