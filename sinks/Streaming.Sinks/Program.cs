using System.CommandLine;
using Streaming.Sinks.Cli;

// sinks: delivers topics to PostgreSQL (`sinks postgres`) and to hourly Parquet files (`sinks s3`).
var root = new RootCommand("Streaming sinks: exactly-once PostgreSQL and hourly Parquet on S3 or file://.")
{
    PostgresCommand.Create(),
    S3Command.Create(),
};
return await CliRunner.InvokeAsync(root, args).ConfigureAwait(false);
