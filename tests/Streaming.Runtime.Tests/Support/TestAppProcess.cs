using System.Diagnostics;
using System.Text;
using Streaming.TestSupport;

namespace Streaming.Runtime.Tests.Support;

/// <summary>Runs Streaming.Runtime.TestApp as a real child process, capturing its log.</summary>
public sealed class TestAppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private TestAppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static string AppDll => RepoPaths.Combine("tests", "Streaming.Runtime.TestApp", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0", "Streaming.Runtime.TestApp.dll");

    public static TestAppProcess Start(params string[] args)
    {
        if (!File.Exists(AppDll))
        {
            throw new FileNotFoundException($"the test app is not built at {AppDll}; build tests/Streaming.Runtime.TestApp first.");
        }
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(AppDll);
        psi.ArgumentList.Add("--bootstrap");
        psi.ArgumentList.Add(KafkaTestData.Bootstrap);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        return new TestAppProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start the test app"));
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the app cancels, commits and leaves the group.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the test app did not exit within {timeout.TotalSeconds:F0} s. Log tail:\n{Tail(40)}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

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

    public string Tail(int lines) => string.Join('\n', Log.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
