using System.Diagnostics;
using System.Text;
using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>
/// <c>dotnet sinks.dll postgres --until-end …</c> as a real child process (the build copies sinks.dll next to the tests),
/// so it can be killed with SIGKILL.
/// </summary>
internal sealed class SinkProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private SinkProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public static SinkProcess Start(TestSchema schema, IEnumerable<string> topics, string sinkName, int batchSize)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "sinks.dll"), "postgres", "--until-end",
            "--batch-size", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--group-id", "test-" + sinkName, "--sink-name", sinkName,
            "--pg-connection", schema.ConnectionString, "--bootstrap-servers", DevStack.KafkaBootstrap,
            "--topics",
        }.Concat(topics))
        {
            psi.ArgumentList.Add(arg);
        }
        return new SinkProcess(Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started."));
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Linux): no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"sinks postgres did not finish within {timeout.TotalSeconds:F0}s; stderr tail: {Tail(Stderr)}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
