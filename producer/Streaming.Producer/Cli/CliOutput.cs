using Spectre.Console;
using Streaming.Producer.Generation;
using Streaming.Producer.Output;

namespace Streaming.Producer.Cli;

/// <summary>Progress and summary output in the form the context calls for: Spectre.Console on a terminal, plain lines otherwise.</summary>
internal static class CliOutput
{
    private static readonly TimeSpan s_plainInterval = TimeSpan.FromSeconds(2);

    public static IProgressDisplay Progress(CliContext context) =>
        context.IsTerminal ? new LiveProgressDisplay(Console(context)) : new PlainProgressDisplay(context.Output, s_plainInterval);

    public static void Summary(CliContext context, SendCounts counts, IReadOnlyList<EventStream> streams, Func<EventStream, string> destination)
    {
        if (context.IsTerminal)
        {
            SummaryTable.WriteLive(Console(context), counts, streams, destination);
        }
        else
        {
            SummaryTable.WritePlain(context.Output, counts, streams, destination);
        }
    }

    /// <summary>Reports a sink's end state; returns the exit code it implies.</summary>
    public static int Completion(CliContext context, SinkCompletion completion)
    {
        if (completion.Succeeded)
        {
            return ExitCodes.Ok;
        }
        context.Error.WriteLine(
            $"producer: {completion.Failed} records failed and {completion.Unconfirmed} were not acknowledged; first error: {completion.FirstError}");
        return ExitCodes.Failure;
    }

    private static IAnsiConsole Console(CliContext context) =>
        ReferenceEquals(context.Output, System.Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) });
}
