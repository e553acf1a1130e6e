using System.Diagnostics;
using Streaming.TestSupport;

namespace Streaming.Runtime.Tests.Support;

/// <summary>Runs Streaming.Runtime.TestApp as a real child process, capturing its log (stdout and stderr interleaved).</summary>
public sealed class TestAppProcess : IDisposable
{
    private readonly StartedChildProcess _process;

    private TestAppProcess(StartedChildProcess process) => _process = process;

    public string Log => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static string AppDll => ChildProcess.BuiltDll(Path.Combine("tests", "Streaming.Runtime.TestApp"), "Streaming.Runtime.TestApp.dll");

    public static TestAppProcess Start(params string[] args) =>
        new(StartedChildProcess.Start(ChildProcess.DotnetStartInfo(AppDll, ["--bootstrap", KafkaTestData.Bootstrap, .. args], new Dictionary<string, string>(), workingDirectory: Environment.CurrentDirectory)));

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM: the app cancels, commits and leaves the group.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || HasExited)
            {
                throw new TimeoutException($"the test app did not log '{text}' within {timeout.TotalSeconds:F0} s. Log tail:\n{Tail(40)}");
            }
            await Task.Delay(100);
        }
    }

    public string Tail(int lines) => _process.Tail(lines);

    public void Dispose() => _process.Dispose();
}
