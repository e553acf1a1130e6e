using Streaming.Contracts.Cli;
using Microsoft.Extensions.Configuration;
using System.CommandLine;
using Streaming.Contracts.Configuration;
using Streaming.Processor.Domain;
using Streaming.Processor.Hosting;
using Streaming.Processor.Topology;
using Streaming.Observability;

namespace Streaming.Processor.Cli;

/// <summary><c>processor run [--guarantee …] [--until-end]</c>: the live processor, or a bounded run to the current end.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new ProcessorCliOptions();
        var untilEnd = new Option<bool>("--until-end") { Description = "Read to the end offsets captured at start, flush every window, print the summary and exit 0." };
        var appId = new Option<string>("--app-id")
        {
            Description = "Application id: consumer group, transactional ids and internal topic prefix.",
            DefaultValueFactory = _ => ProcessorCliOptions.DefaultApplicationId,
        };
        var metrics = new MetricsCliOptions(ProcessorMeters.DefaultPort);
        var command = new Command("run", "Run the processor topology.");
        options.AddTo(command);
        metrics.AddTo(command);
        command.Options.Add(untilEnd);
        command.Options.Add(appId);
        command.SetAction(async (result, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
            metrics.AddOverrides(result, overrides);
            var settings = ResolveSettings(options, result, result.GetValue(appId)!, result.GetValue(untilEnd), overrides: overrides);
            return await ProcessorRun.ExecuteAsync(settings, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static ProcessorRunSettings ResolveSettings(
        ProcessorCliOptions options, ParseResult result, string applicationId, bool untilEnd, string? outputSuffix = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        if (string.IsNullOrWhiteSpace(applicationId))
        {
            throw new UsageException("--app-id is empty; pass an application id such as streaming-processor.");
        }
        var configuration = options.Configuration(result, overrides);
        return new ProcessorRunSettings(
            applicationId,
            KafkaSettings.Bind(configuration).Validate(),
            SchemaRegistrySettings.Bind(configuration).Validate(),
            ProcessorOptions.Bind(configuration).Validate(),
            PipelineTopics.Create(result.GetValue(options.TopicPrefix), outputSuffix ?? result.GetValue(options.OutputSuffix)),
            options.ResolveGuarantee(result),
            options.ResolveThreads(result),
            untilEnd)
        {
            CommitInterval = CommitInterval(configuration[ProcessorRun.CommitIntervalKey]),
            // Backfills (no metrics flags) are bounded: off unless a port is configured.
            Observability = ObservabilitySettings.Bind(configuration, ProcessorMeters.DefaultPort, bounded: untilEnd || overrides is null),
        };
    }

    private static TimeSpan? CommitInterval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            var interval = Domain.ProcessorOptions.ParseDuration(text);
            return interval > TimeSpan.Zero ? interval : throw new FormatException($"'{text}' is not positive.");
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException(ProcessorRun.CommitIntervalKey,
                $"{ProcessorRun.CommitIntervalKey} (STREAMING__STREAMIZ__COMMITINTERVAL): {ex.Message} Use e.g. 100ms or 1s.");
        }
    }
}
