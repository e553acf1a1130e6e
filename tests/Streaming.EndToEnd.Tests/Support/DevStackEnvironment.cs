using System.Diagnostics;
using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// Makes sure the dev stack is up (scripts/dev.sh up when .dev/env is missing) and builds the environment the child
/// processes get: the dev stack's settings from .dev/env.
/// </summary>
public static class DevStackEnvironment
{
    /// <summary>Every name .dev/env writes that a child process may need.</summary>
    private static readonly string[] s_names =
    [
        "KAFKA_BOOTSTRAP", "SCHEMA_REGISTRY_URL", "PG_CONNECTION", "S3_ENDPOINT", "S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "DEV_KAFKA_TOPIC_REQUESTS",
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
        var result = await ChildProcess.RunAsync(psi, TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/dev.sh up failed (exit {result.ExitCode}); the end-to-end test needs the dev stack.\n{result.Stdout}\n{result.Stderr}");
        }
    }
}
