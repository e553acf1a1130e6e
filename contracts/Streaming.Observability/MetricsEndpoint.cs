using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Streaming.Contracts.Cli;

namespace Streaming.Observability;

/// <summary>
/// The HTTP endpoint of a service: <c>/metrics</c> in Prometheus text (OpenTelemetry's exporter over the named
/// meters) and <c>/health</c> (<see cref="HealthState"/>). Kestrel on the configured address; disposing stops it.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app) => _app = app;

    /// <summary>Starts the endpoint, or returns null when it is off or its default port is taken (logged).</summary>
    /// <exception cref="UsageException">A port that was asked for is already in use.</exception>
    public static async Task<MetricsEndpoint?> StartAsync(ObservabilitySettings settings, HealthState health, ILogger logger, params string[] meterNames)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return null;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(settings.BindAddress, settings.Port));
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(meterNames).AddPrometheusExporter());
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/health", () =>
        {
            var (status, body) = health.Evaluate();
            return Results.Text(body + "\n", "text/plain", statusCode: status);
        });
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            var where = new IPEndPoint(settings.BindAddress, settings.Port);
            if (settings.PortExplicit)
            {
                throw new UsageException($"--metrics-port {settings.Port}: {where} is not free ({ex.InnerException?.Message ?? ex.Message}); pass a free port, or 0 to turn /metrics off.");
            }
            // The default port taken (e.g. two services on one host): run without the endpoint rather than not at all.
            logger.LogWarning("/metrics and /health are off: the default {Endpoint} is not free; pass --metrics-port to choose one", where);
            return null;
        }
        logger.LogInformation("/metrics and /health on http://{Endpoint}", new IPEndPoint(settings.BindAddress, settings.Port));
        return new MetricsEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
