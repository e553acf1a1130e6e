using System.Diagnostics;

namespace Streaming.TestSupport;

/// <summary>
/// Runs a Node.js script with the repository's node_modules (the independent oracles: avsc, DuckDB, hyparquet).
/// Every run has a time bound; a non-zero exit fails with the script's stderr.
/// </summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string script, IEnumerable<string>? args = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--input-type=module");
        psi.ArgumentList.Add("-e");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("--");
        foreach (var arg in args ?? [])
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment["NODE_PATH"] = RepoPaths.Combine("node_modules");

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started; install Node.js 20.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        }
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node script did not finish within {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:F0}s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node script failed (exit {process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }
        return await stdout.ConfigureAwait(false);
    }
}
