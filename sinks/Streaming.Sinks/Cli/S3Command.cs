using System.CommandLine;

namespace Streaming.Sinks.Cli;

/// <summary>`sinks s3 --topic T --table NAME [--until-end]` and `sinks s3 ddl --table NAME`: owned by the S3 sink.</summary>
internal static class S3Command
{
    public static Command Create()
    {
        var command = new Command("s3", "Write a topic to hourly Parquet files on S3 or file://.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("sinks s3: not built yet (issue 5).");
            return 1;
        });
        return command;
    }
}
