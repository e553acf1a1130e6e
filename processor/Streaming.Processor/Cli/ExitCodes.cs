namespace Streaming.Processor.Cli;

/// <summary>Exit codes of the processor.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run failed (a task failed, Kafka unreachable); the one-line message says why.</summary>
    public const int Failure = 1;

    /// <summary>A flag error or missing configuration; the one-line message says what to fix.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM after a clean commit.</summary>
    public const int Cancelled = 130;
}
