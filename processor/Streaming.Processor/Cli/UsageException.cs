namespace Streaming.Processor.Cli;

/// <summary>A flag value is wrong; the message says what to pass instead.</summary>
public sealed class UsageException(string message) : Exception(message);
