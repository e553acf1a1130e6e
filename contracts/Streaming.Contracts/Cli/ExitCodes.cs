namespace Streaming.Contracts.Cli;

/// <summary>Exit codes shared by the producer, the processor and the sinks.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run failed (Kafka unreachable, a task failed, delivery errors); the one-line message says why.</summary>
    public const int Failure = 1;

    /// <summary>A flag error or missing configuration; the one-line message says what to fix.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM.</summary>
    public const int Cancelled = 130;
}
