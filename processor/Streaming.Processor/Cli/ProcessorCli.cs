using System.CommandLine;
using Streaming.Contracts.Cli;
using Streaming.Processor.Hosting;

namespace Streaming.Processor.Cli;

/// <summary>The processor's command line: <c>run</c>, <c>backfill</c> and <c>describe</c>, under the shared error policy.</summary>
public static class ProcessorCli
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Streaming processor: watermarks, validation, dedup, hourly city windows and strikes, on Kafka.")
        {
            RunCommand.Create(),
            BackfillCommand.Create(),
            DescribeCommand.Create(),
        };
        return CommandLineApp.RunAsync("processor", root, args,
            isRunFailure: ex => ex is ProcessorFailedException or Streamiz.Kafka.Net.Errors.StreamsException or Confluent.Kafka.KafkaException,
            cancellationToken: cancellationToken);
    }
}
