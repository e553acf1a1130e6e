using System.Diagnostics;
using Streaming.TestSupport;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>Runs one of the built executables (producer.dll, processor.dll) with the dev stack's environment.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll(string project, string assembly)
    {
        foreach (var configuration in new[] { "Debug", "Release" })
        {
            var path = RepoPaths.Combine(project, "bin", configuration, "net10.0", assembly + ".dll");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new InvalidOperationException($"{assembly}.dll is not built under {project}/bin; run 'dotnet build Streaming.sln' first.");
    }

    public static async Task<Result> RunAsync(string dll, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "KAFKA_BOOTSTRAP", "STREAMING__RUNTIME__BROKERLACKSTRANSACTIONALISOLATION" })
        {
            psi.Environment[name] = DevStack.Get(name) ?? throw new InvalidOperationException($"{name} is not set; start the dev stack with 'scripts/dev.sh up'.");
        }
        using var process = Process.Start(psi)!;
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
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0}s; stderr: {await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
