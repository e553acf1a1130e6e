namespace Streaming.Contracts.Cli;

/// <summary>A flag value is wrong; the message is one sentence saying what to pass instead. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
