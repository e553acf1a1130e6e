using System.CommandLine;
using System.CommandLine.Invocation;
using Streaming.Contracts.Configuration;
using Streaming.Runtime;

namespace Streaming.Processor.Cli;

/// <summary>
/// The processor's command line: <c>run</c>, <c>backfill</c> and <c>describe</c>. Error policy: a flag error or missing
/// configuration prints one line saying what to fix and exits 2; a failed run prints one line and exits 1; never a
/// stack trace.
/// </summary>
public static class ProcessorCli
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Streaming processor: watermarks, validation, dedup, hourly city windows and strikes, on Kafka.")
        {
            RunCommand.Create(),
            BackfillCommand.Create(),
            DescribeCommand.Create(),
        };
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var command = parseResult.CommandResult.Command;
            var path = command == root ? "processor" : "processor " + command.Name;
            var messages = string.Join("; ", parseResult.Errors.Select(e => e.Message.TrimEnd('.')));
            await Console.Error.WriteLineAsync($"processor: {messages}. See '{path} --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or ConfigurationException)
        {
            await Console.Error.WriteLineAsync("processor: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("processor: stopped").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (StreamsException ex)
        {
            await Console.Error.WriteLineAsync("processor: the run failed: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
