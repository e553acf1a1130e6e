using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Contracts.Cli;
using Streaming.Processor.Hosting;

namespace Streaming.Processor.Cli;

/// <summary>
/// <c>processor describe</c>: prints Streamiz's description of the topology (sub-topologies, nodes, topics, stores)
/// and the internal topics it needs under the application id; <c>--internal-topics</c> prints only those, one
/// <c>name partitions</c> per line. Partition counts come from the input topics on the broker.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var options = new ProcessorCliOptions();
        var appId = new Option<string>("--app-id")
        {
            Description = "Application id whose internal topics to list.",
            DefaultValueFactory = _ => ProcessorCliOptions.DefaultApplicationId,
        };
        var internalOnly = new Option<bool>("--internal-topics") { Description = "Print only the internal topics, 'name partitions' per line." };
        var command = new Command("describe", "Print the processor topology and the internal topics Streamiz needs for it.");
        options.AddTo(command);
        command.Options.Add(appId);
        command.Options.Add(internalOnly);
        command.SetAction(result =>
        {
            var settings = RunCommand.ResolveSettings(options, result, result.GetValue(appId)!, untilEnd: false);
            var host = new ProcessorHost(settings, NullLoggerFactory.Instance);
            var partitions = new InputPartitions(settings.Kafka, settings.ApplicationId).Count(settings.Topics.Inputs);
            var layout = host.Layout(partitions);
            var description = host.BuildTopology(layout).Describe();
            var topics = InternalTopics.Of(description, settings.ApplicationId, partitions, layout.Partitions);
            if (!result.GetValue(internalOnly))
            {
                Console.WriteLine(description);
                Console.WriteLine($"Internal topics (application id {settings.ApplicationId}):");
            }
            foreach (var (name, count) in topics)
            {
                Console.WriteLine(result.GetValue(internalOnly) ? $"{name} {count}" : $"  {name} ({count} partitions)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
