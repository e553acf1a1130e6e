using System.Diagnostics;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>What a finished child process printed and returned.</summary>
public sealed record ChildProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The last lines of stderr, for failure messages.</summary>
    public string StderrTail(int lines = 30) => string.Join('\n', Stderr.Split('\n').TakeLast(lines));

    /// <summary>Fails with the command, the exit code and the output tails unless the exit code is 0.</summary>
    public ChildProcessResult ShouldSucceed()
    {
        ExitCode.Should().Be(0, $"'{Command}' must exit 0.\nstdout:\n{Stdout}\nstderr (tail):\n{StderrTail()}");
        return this;
    }
}

/// <summary>Runs <c>dotnet some.dll args…</c> with an environment and a time bound.</summary>
public static class ChildProcess
{
    public static async Task<ChildProcessResult> RunDllAsync(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Streaming.TestSupport.RepoPaths.Root,
        };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }
        var command = $"{Path.GetFileNameWithoutExtension(dll)} {string.Join(' ', psi.ArgumentList.Skip(1))}";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start '{command}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish within {timeout.TotalSeconds:F0} s. stderr so far:\n{await stderr}");
        }
        return new ChildProcessResult(command, process.ExitCode, await stdout, await stderr);
    }
}
