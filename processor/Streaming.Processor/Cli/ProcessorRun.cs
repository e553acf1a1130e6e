using Streaming.Contracts.Cli;
using Microsoft.Extensions.Logging;
using Streaming.Contracts.Logging;
using Streaming.Processor.Hosting;
using Streaming.Observability;

namespace Streaming.Processor.Cli;

/// <summary>Runs the host with console logging and prints the summary at the end of a bounded run.</summary>
internal static class ProcessorRun
{
    /// <summary>Streamiz's commit interval, e.g. <c>100ms</c>, <c>1s</c> (default: 100 ms under exactly_once, 1 s under at_least_once).</summary>
    public const string CommitIntervalKey = "Streamiz:CommitInterval";

    public static async Task<int> ExecuteAsync(ProcessorRunSettings settings, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(builder => builder
            // Logs go to stderr: stdout carries the run summary.
            .AddOneLineConsole("HH:mm:ss ")
            .AddFilter("Streaming", LogLevel.Information)
            .SetMinimumLevel(LogLevel.Warning));
        var observability = settings.Observability;
        var host = new ProcessorHost(settings, loggerFactory) { Health = new HealthState(observability?.UnhealthyAfter ?? TimeSpan.FromSeconds(30)) };
        using var meters = new ProcessorMeters(host.Summary);
        await using var endpoint = observability is null
            ? null
            : await MetricsEndpoint.StartAsync(observability, host.Health, loggerFactory.CreateLogger("Streaming.Processor.Metrics"), ProcessorMeters.MeterName).ConfigureAwait(false);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        if (settings.UntilEnd)
        {
            RunSummaryPrinter.Print(host.Summary, host.ProcessingTime, Console.Out);
            if (endpoint is not null && observability!.Linger > TimeSpan.Zero)
            {
                // A last scrape of the final counters, for the operator's Prometheus or a test.
                await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(observability.Linger, cancellationToken).ConfigureAwait(false);
            }
        }
        return ExitCodes.Ok;
    }
}
