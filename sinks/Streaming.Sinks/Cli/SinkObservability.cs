using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Streaming.Observability;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.Cli;

/// <summary>A sink command's /metrics and /health: its run summary, health state and meter, and the endpoint serving them.</summary>
internal sealed class SinkObservability : IAsyncDisposable
{
    private readonly ObservabilitySettings _settings;
    private readonly bool _bounded;
    private readonly SinkMeters _meters;
    private MetricsEndpoint? _endpoint;

    private SinkObservability(ObservabilitySettings settings, bool bounded, string sink)
    {
        _settings = settings;
        _bounded = bounded;
        Health = new HealthState(settings.UnhealthyAfter);
        _meters = new SinkMeters(sink, Summary, () => Retries());
    }

    /// <summary>The counters the delivery loop fills and /metrics reads.</summary>
    public RunSummary Summary { get; } = new();

    public HealthState Health { get; }

    /// <summary>The destination's retries so far, once its retry policy exists.</summary>
    public Func<long> Retries { get; set; } = () => 0;

    /// <summary>Binds <c>Observability:*</c> and starts the endpoint (off for bounded runs unless a port is given).</summary>
    public static async Task<SinkObservability> StartAsync(IConfiguration configuration, int defaultPort, bool bounded, string sink, ILogger logger)
    {
        var observability = new SinkObservability(ObservabilitySettings.Bind(configuration, defaultPort, bounded), bounded, sink);
        observability._endpoint = await MetricsEndpoint.StartAsync(observability._settings, observability.Health, logger, SinkMeters.MeterName).ConfigureAwait(false);
        return observability;
    }

    /// <summary>After a bounded run's summary: keeps the endpoint up for <c>Observability:MetricsLinger</c>, for a last scrape.</summary>
    public Task LingerAsync(CancellationToken cancellationToken) =>
        _bounded && _endpoint is not null && _settings.Linger > TimeSpan.Zero ? Task.Delay(_settings.Linger, cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync().ConfigureAwait(false);
        }
        _meters.Dispose();
    }
}
