using System.CommandLine;
using System.CommandLine.Invocation;
using Streaming.Contracts.Configuration;
using Streaming.Producer.Cli;
using Streaming.Producer.Output;
using UsageException = Streaming.Contracts.Cli.UsageException;

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
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
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
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var command = parseResult.CommandResult.Command;
            var path = command == root ? "producer" : "producer " + command.Name;
            var messages = string.Join("; ", parseResult.Errors.Select(e => OneLine(e.Message).TrimEnd('.')));
            await context.Error.WriteLineAsync($"producer: {messages}. See '{path} --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            var invocation = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or ConfigurationException)
        {
            await context.Error.WriteLineAsync("producer: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (SinkException ex)
        {
            await context.Error.WriteLineAsync("producer: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("producer: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // A defect or an unforeseen environment problem: still one line, with the type to search for.
            await context.Error.WriteLineAsync($"producer: unexpected {ex.GetType().Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    // Some parser messages span lines ("Must be one of:\n'jsonl'\n'csv'"); the error policy is one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
