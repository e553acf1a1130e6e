namespace Streaming.Producer.Cli;

/// <summary>The streams and environment one CLI invocation runs with (the console, or writers given by a test).</summary>
/// <param name="Output">Standard output: progress and the summary.</param>
/// <param name="Error">Standard error: one-line error messages.</param>
/// <param name="IsTerminal">Whether output is an interactive terminal (live progress) rather than a pipe or file (plain lines).</param>
/// <param name="Environment">Environment variables for configuration; null means the process environment.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool IsTerminal, IReadOnlyDictionary<string, string?>? Environment);
