using System.Diagnostics;
using Streaming.TestSupport;

namespace Streaming.Producer.Tests.Support;

/// <summary>Runs the producer in-process through its public entry point, or as a child process of the built producer.dll.</summary>
internal static class ProducerRunner
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    /// <summary>Runs in-process with captured output. <paramref name="environment"/> replaces the process environment for configuration.</summary>
    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(s_bound);
        var exit = await ProducerCli.RunAsync(args, output, error, environment ?? new Dictionary<string, string?>(), timeout.Token);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet producer.dll</c> as a child process in <paramref name="workingDirectory"/>.</summary>
    public static async Task<CliResult> RunProcessAsync(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ProducerDll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"producer {string.Join(' ', args)} did not finish within {s_bound.TotalSeconds:0} s.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The built producer.dll next to the test assembly (the project reference copies it with its runtimeconfig).</summary>
    public static string ProducerDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "producer.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "producer.runtimeconfig.json")))
            {
                return local;
            }
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Name ?? "Debug";
            return RepoPaths.Combine("producer", "Streaming.Producer", "bin", configuration, "net10.0", "producer.dll");
        }
    }

    /// <summary>An environment holding only the dev Kafka bootstrap and Schema Registry (so tests never depend on the caller's shell).</summary>
    public static IReadOnlyDictionary<string, string?> DevKafkaEnvironment() =>
        new Dictionary<string, string?> { ["KAFKA_BOOTSTRAP"] = DevStack.KafkaBootstrap, ["SCHEMA_REGISTRY_URL"] = DevStack.SchemaRegistryUrl };
}
