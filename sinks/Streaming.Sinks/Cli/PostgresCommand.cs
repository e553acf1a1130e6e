using System.CommandLine;

namespace Streaming.Sinks.Cli;

/// <summary>`sinks postgres [--until-end]`: owned by the PostgreSQL sink.</summary>
internal static class PostgresCommand
{
    public static Command Create()
    {
        var command = new Command("postgres", "Deliver trips.city-hourly, messages.flagged and senders.strike-status to PostgreSQL, exactly once.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("sinks postgres: not built yet (issue 5).");
            return 1;
        });
        return command;
    }
}
