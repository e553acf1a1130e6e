using System.CommandLine;
using Streaming.Contracts.Cli;
using Streaming.Producer.Cli;
using Streaming.Producer.Output;

namespace Streaming.Producer;

/// <summary>
/// The producer's command line: <c>generate</c> and <c>replay-file</c>. The executable and the tests run it through
/// <see cref="RunAsync"/>.
/// </summary>
/// <remarks>
/// Error policy: a flag error or missing configuration prints one line on stderr saying what to fix and exits 2; a
/// runtime failure (Kafka unreachable, delivery errors) prints one line and exits 1; never a stack trace.
/// </remarks>
public static class ProducerCli
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments, e.g. <c>["generate", "--trips", "100", "--out", "a.jsonl"]</c>.</param>
    /// <param name="output">Standard output; the console when null (then progress is live on a terminal).</param>
    /// <param name="error">Standard error; the console when null.</param>
    /// <param name="environment">Environment variables for configuration; the process environment when null.</param>
    /// <param name="cancellationToken">Stops the run (exit 130).</param>
    /// <returns>The exit code (<see cref="Cli.ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var isConsole = output is null;
        var context = new CliContext(
            output ?? Console.Out,
            error ?? Console.Error,
            isConsole && !Console.IsOutputRedirected,
            environment);

        var root = new RootCommand("Streaming producer: publishes trips and messages to Kafka (generated or replayed from files).")
        {
            GenerateCommand.Create(context),
            ReplayFileCommand.Create(context),
        };
        return await CommandLineApp.RunAsync("producer", root, args,
            isRunFailure: ex => ex is SinkException,
            output: context.Output,
            error: context.Error,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
