using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Contracts.Cli;
using Streaming.Processor.Hosting;

namespace Streaming.Processor.Cli;

/// <summary>
/// <c>processor describe</c>: prints Streamiz's description of the topology (sub-topologies, nodes, topics, stores)
/// and the topics it uses under the application id, internal ones included; <c>--topics</c> prints only the list, one
/// <c>name partitions</c> per line, for creating them beforehand. Partition counts come from the inputs on the broker.
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
        var listOnly = new Option<bool>("--topics") { Description = "Print only the topics the run uses (inputs, internal, outputs), 'name partitions' per line." };
        var command = new Command("describe", "Print the processor topology and the topics it uses, the internal ones Streamiz needs included.");
        options.AddTo(command);
        command.Options.Add(appId);
        command.Options.Add(listOnly);
        command.SetAction(result =>
        {
            var settings = RunCommand.ResolveSettings(options, result, result.GetValue(appId)!, untilEnd: false);
            var host = new ProcessorHost(settings, NullLoggerFactory.Instance);
            var partitions = new InputPartitions(settings.Kafka, settings.ApplicationId).Count(settings.Topics.Inputs);
            var layout = host.Layout(partitions);
            var description = host.BuildTopology(layout).Describe();
            var topics = TopologyTopics.Of(description, settings.ApplicationId, partitions, layout.Partitions);
            if (!result.GetValue(listOnly))
            {
                Console.WriteLine(description);
                Console.WriteLine($"Topics (application id {settings.ApplicationId}):");
            }
            foreach (var topic in topics)
            {
                Console.WriteLine(result.GetValue(listOnly)
                    ? $"{topic.Name} {topic.Partitions}"
                    : $"  {topic.Role.ToString().ToLowerInvariant(),-8} {topic.Name} ({topic.Partitions} partitions)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
