using System.CommandLine;
using System.CommandLine.Invocation;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Kafka;

namespace Streaming.Contracts.Cli;

/// <summary>
/// Runs an executable's command line with the project's error policy, the same for every executable:
/// a parse error, <see cref="UsageException"/> or <see cref="ConfigurationException"/> prints one line saying what to
/// fix and exits 2; a run failure the caller recognises prints one line and exits 1; cancellation exits 130; anything
/// else prints one line naming the exception and exits 1. Never a stack trace (set STREAMING_DEBUG=1 to get one).
/// librdkafka is loaded (<see cref="LibrdkafkaLoader"/>) before any command runs; when it cannot be, the run exits 2.
/// </summary>
public static class CommandLineApp
{
    private static System.Runtime.InteropServices.PosixSignalRegistration? s_sigterm;

    /// <param name="name">Executable name, the prefix of every message (<c>processor: …</c>).</param>
    /// <param name="root">The root command.</param>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="isRunFailure">Exceptions that mean "the run failed" (exit 1 with their message).</param>
    /// <param name="output">Where commands write; standard output when null.</param>
    /// <param name="error">Where messages go; standard error when null.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C, SIGTERM).</param>
    public static async Task<int> RunAsync(
        string name,
        RootCommand root,
        string[] args,
        Func<Exception, bool>? isRunFailure = null,
        TextWriter? output = null,
        TextWriter? error = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        output ??= Console.Out;
        error ??= Console.Error;
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction(name);
        }
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var command = parseResult.CommandResult.Command;
            var path = command == root ? name : name + " " + command.Name;
            // Some parser messages span lines ("Must be one of:\n'jsonl'\n'csv'"): the policy is one line.
            var messages = string.Join("; ", parseResult.Errors.Select(e => string.Join(' ', e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.')));
            await error.WriteLineAsync($"{name}: {messages}. See '{path} --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            LibrdkafkaLoader.EnsureLoaded();
            // Without the default handler, exceptions reach the policy below instead of System.CommandLine's printer.
            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or ConfigurationException or LibrdkafkaLoadException)
        {
            await error.WriteLineAsync($"{name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"{name}: stopped").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (isRunFailure?.Invoke(ex) == true)
        {
            await error.WriteLineAsync($"{name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("STREAMING_DEBUG") != "1")
        {
            var message = string.Join(' ', ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            await error.WriteLineAsync($"{name}: unexpected {ex.GetType().Name}: {message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>A token cancelled by Ctrl+C or SIGTERM, for <see cref="RunAsync"/>.</summary>
    public static CancellationTokenSource CancelOnSignals()
    {
        var cts = new CancellationTokenSource();
        // Kept for the life of the process: disposing the registration would restore the default (kill) behaviour.
        s_sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cts.Cancel(); });
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        return cts;
    }
}
