namespace Streaming.Producer.Cli;

/// <summary>Exit codes of the producer.</summary>
public static class ExitCodes
{
    /// <summary>Everything was sent and confirmed.</summary>
    public const int Ok = 0;

    /// <summary>A runtime failure: Kafka unreachable, delivery errors, an output file that cannot be written.</summary>
    public const int Failure = 1;

    /// <summary>A flag error or missing configuration; the one-line message says what to fix.</summary>
    public const int Usage = 2;

    /// <summary><c>replay-file --strict</c> rejected at least one row (all other rows were sent).</summary>
    public const int RowsRejected = 3;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
