namespace Streaming.Producer.Cli;

/// <summary>Exit codes of the producer: the shared ones (<see cref="Contracts.Cli.ExitCodes"/>) plus <see cref="RowsRejected"/>.</summary>
public static class ExitCodes
{
    /// <summary>Everything was sent and confirmed.</summary>
    public const int Ok = Contracts.Cli.ExitCodes.Ok;

    /// <summary>A runtime failure: Kafka unreachable, delivery errors, an output file that cannot be written.</summary>
    public const int Failure = Contracts.Cli.ExitCodes.Failure;

    /// <summary>A flag error or missing configuration; the one-line message says what to fix.</summary>
    public const int Usage = Contracts.Cli.ExitCodes.Usage;

    /// <summary><c>replay-file --strict</c> rejected at least one row (all other rows were sent).</summary>
    public const int RowsRejected = 3;

    /// <summary>Cancelled (Ctrl+C or SIGTERM).</summary>
    public const int Cancelled = Contracts.Cli.ExitCodes.Cancelled;
}
