using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>
/// <c>dotnet sinks.dll postgres --until-end …</c> as a real child process (the build copies sinks.dll next to the tests),
/// so it can be killed with SIGKILL.
/// </summary>
internal sealed class SinkProcess : IDisposable
{
    private readonly StartedChildProcess _process;

    private SinkProcess(StartedChildProcess process) => _process = process;

    public bool HasExited => _process.HasExited;

    public string Stdout => _process.Stdout;

    public string Stderr => _process.Stderr;

    public static SinkProcess Start(TestSchema schema, IEnumerable<string> topics, string sinkName, int batchSize)
    {
        string[] args =
        [
            "postgres", "--until-end",
            "--batch-size", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--group-id", "test-" + sinkName, "--sink-name", sinkName,
            "--pg-connection", schema.ConnectionString, "--bootstrap-servers", DevStack.KafkaBootstrap,
            "--schema-registry", DevStack.SchemaRegistryUrl,
            "--topics", .. topics,
        ];
        return new SinkProcess(StartedChildProcess.Start(ChildProcess.DotnetStartInfo(
            Path.Combine(AppContext.BaseDirectory, "sinks.dll"), args, new Dictionary<string, string>(), workingDirectory: AppContext.BaseDirectory)));
    }

    /// <summary>SIGKILL: no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public void Dispose() => _process.Dispose();
}
