using System.CommandLine;
using Streaming.Contracts.Cli;
using Streaming.Sinks.Cli;

// sinks: delivers topics to PostgreSQL (`sinks postgres`) and to hourly Parquet files (`sinks s3`).
var root = new RootCommand("Streaming sinks: exactly-once PostgreSQL and hourly Parquet on S3 or file://.")
{
    PostgresCommand.Create(),
    S3Command.Create(),
};
using var cancellation = CommandLineApp.CancelOnSignals();
return await CommandLineApp.RunAsync("sinks", root, args,
    isRunFailure: ex => ex is Confluent.Kafka.KafkaException or Npgsql.NpgsqlException or Amazon.Runtime.AmazonServiceException,
    cancellationToken: cancellation.Token).ConfigureAwait(false);
