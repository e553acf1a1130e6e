using System.Diagnostics;
using System.Text;

namespace Streaming.TestSupport;

/// <summary>
/// A child process started without waiting for it (for kill and restart tests). Its stdout and stderr are captured line
/// by line as they arrive; disposing kills it if it is still running.
/// </summary>
public sealed class StartedChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _command;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new();

    private StartedChildProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything written to stdout so far.</summary>
    public string Stdout => Read(_stdout);

    /// <summary>Everything written to stderr so far.</summary>
    public string Stderr => Read(_stderr);

    /// <summary>Stdout and stderr lines interleaved in the order they arrived.</summary>
    public string Output => Read(_output);

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only valid once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    /// <summary>Starts the process; <paramref name="startInfo"/> must redirect stdout and stderr.</summary>
    public static StartedChildProcess Start(ProcessStartInfo startInfo)
    {
        var command = ChildProcess.Describe(startInfo);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start '{command}'.");
        return new StartedChildProcess(process, command);
    }

    /// <summary>SIGKILL to the process tree (Process.Kill sends SIGKILL on Linux): no shutdown code runs. A process that already exited is left alone.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Waits for the exit and returns the exit code, after the redirected output is drained.</summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/>; it is killed first.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"'{_command}' did not exit within {timeout.TotalSeconds:F0} s. Output tail:\n{Tail(40)}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>The last <paramref name="lines"/> lines of <see cref="Output"/>, for failure messages.</summary>
    public string Tail(int lines) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }

    private void Append(StringBuilder stream, string? line)
    {
        if (line is null)
        {
            return;
        }
        // One lock for both streams keeps the interleaved output in arrival order.
        lock (_output)
        {
            stream.AppendLine(line);
            _output.AppendLine(line);
        }
    }

    private string Read(StringBuilder builder)
    {
        lock (_output)
        {
            return builder.ToString();
        }
    }
}
