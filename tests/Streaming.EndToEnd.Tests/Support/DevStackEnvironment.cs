using System.Diagnostics;
using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// Makes sure the dev stack is up (scripts/dev.sh up when .dev/env is missing) and builds the environment the child
/// processes get: the dev stack's settings from .dev/env, including the mock broker's capability switch.
/// </summary>
public static class DevStackEnvironment
{
    /// <summary>Every name .dev/env writes that a child process may need.</summary>
    private static readonly string[] s_names =
    [
        "KAFKA_BOOTSTRAP", "PG_CONNECTION", "S3_ENDPOINT", "S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "STREAMING__RUNTIME__BROKERLACKSTRANSACTIONALISOLATION",
    ];

    private static readonly SemaphoreSlim s_gate = new(1, 1);

    public static async Task<IReadOnlyDictionary<string, string>> EnsureUpAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            // Not DevStack.Get here: it caches .dev/env on first use, and the file is written only by 'dev.sh up'.
            if (!File.Exists(RepoPaths.Combine(".dev", "env")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP")))
            {
                await StartAsync();
            }
        }
        finally
        {
            s_gate.Release();
        }
        _ = DevStack.KafkaBootstrap; // fails with a sentence when the stack is still not there
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in s_names)
        {
            if (DevStack.Get(name) is { } value)
            {
                environment[name] = value;
            }
        }
        return environment;
    }

    private static async Task StartAsync()
    {
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("scripts/dev.sh");
        psi.ArgumentList.Add("up");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not run scripts/dev.sh up.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/dev.sh up did not finish within 5 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/dev.sh up failed (exit {process.ExitCode}); the end-to-end test needs the dev stack.\n{await stdout}\n{await stderr}");
        }
    }
}
