using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Streaming.Contracts.Tests.MskIam;

/// <summary>Records every log entry (level and formatted message); safe to write from librdkafka's callback thread.</summary>
internal sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
