namespace Streaming.TestSupport;

/// <summary>What a finished child process printed and returned.</summary>
/// <param name="Command">The executable's name and arguments, for failure messages.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record ChildProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The last lines of stderr, for failure messages.</summary>
    public string StderrTail(int lines = 30) => string.Join('\n', Stderr.Split('\n').TakeLast(lines));
}
