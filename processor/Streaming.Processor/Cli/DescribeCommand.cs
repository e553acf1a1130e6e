using Streaming.Contracts.Cli;
using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Processor.Hosting;

namespace Streaming.Processor.Cli;

/// <summary><c>processor describe</c>: prints the topology, like Kafka Streams' <c>Topology.describe()</c>.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var options = new ProcessorCliOptions();
        var command = new Command("describe", "Print the processor topology: sub-topologies, nodes, topics and stores.");
        command.Options.Add(options.OutputSuffix);
        command.SetAction(result =>
        {
            var configuration = Contracts.Configuration.StreamingConfiguration.Build();
            var settings = new ProcessorRunSettings(
                ProcessorCliOptions.DefaultApplicationId,
                new Contracts.Configuration.KafkaSettings(),
                Contracts.Configuration.SchemaRegistrySettings.Bind(configuration).Validate(),
                Domain.ProcessorOptions.Bind(configuration).Validate(),
                Topology.PipelineTopics.Create(outputSuffix: result.GetValue(options.OutputSuffix)),
                Runtime.ProcessingGuarantee.ExactlyOnce, 1, UntilEnd: false, BrokerLacksTransactionalIsolation: false);
            Console.WriteLine(new ProcessorHost(settings, NullLoggerFactory.Instance).BuildTopology().Describe());
            return ExitCodes.Ok;
        });
        return command;
    }
}
