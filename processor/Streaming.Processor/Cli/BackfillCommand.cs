using System.CommandLine;

namespace Streaming.Processor.Cli;

/// <summary><c>processor backfill</c>: a bounded replay under its own application id.</summary>
internal static class BackfillCommand
{
    public static Command Create()
    {
        var command = new Command("backfill", "Replay a bounded range of the input topics under its own application id.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("processor backfill: not built yet.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
