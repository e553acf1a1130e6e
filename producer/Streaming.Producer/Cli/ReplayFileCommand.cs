using System.CommandLine;

namespace Streaming.Producer.Cli;

/// <summary><c>producer replay-file</c>.</summary>
internal static class ReplayFileCommand
{
    public static Command Create(CliContext context) => new("replay-file", "Replay a .jsonl or .csv file to a topic.");
}
