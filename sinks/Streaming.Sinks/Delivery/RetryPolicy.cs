using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Streaming.Observability;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// Retries transient failures with jittered exponential backoff, without an attempt limit: a sink never skips data, so it
/// keeps the batch and keeps trying until the destination is back or the run is cancelled.
/// </summary>
public sealed class RetryPolicy
{
    private readonly ResiliencePipeline _pipeline;
    private readonly HealthState? _health;
    private readonly string _dependency;
    private long _retries;
    private volatile bool _failing;

    /// <summary>Creates the policy.</summary>
    /// <param name="isTransient">Which exceptions are worth retrying; everything else propagates at once.</param>
    /// <param name="logger">Receives one warning per retry (attempt, delay, error message).</param>
    /// <param name="baseDelay">First delay (default 200 ms); doubled per attempt, with jitter.</param>
    /// <param name="maxDelay">Cap of one delay (default 10 s).</param>
    /// <param name="maxAttempts">Retry limit; null (the default) retries forever.</param>
    /// <param name="health">Told when <paramref name="dependency"/> starts failing (each retry) and works again.</param>
    /// <param name="dependency">The name /health reports, e.g. <c>postgres</c>.</param>
    public RetryPolicy(
        Func<Exception, bool> isTransient, ILogger logger, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, int? maxAttempts = null,
        HealthState? health = null, string dependency = "destination")
    {
        _health = health;
        _dependency = dependency;
        ArgumentNullException.ThrowIfNull(isTransient);
        ArgumentNullException.ThrowIfNull(logger);
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException && isTransient(ex)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(200),
                MaxDelay = maxDelay ?? TimeSpan.FromSeconds(10),
                MaxRetryAttempts = maxAttempts ?? int.MaxValue,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    _failing = true;
                    _health?.ReportFailure(_dependency, args.Outcome.Exception?.Message ?? "failing");
                    logger.LogWarning("transient failure, retry {Attempt} in {DelayMs} ms: {Error}",
                        args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Retries so far (a metric).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Runs <paramref name="action"/>, retrying it on transient failures.</summary>
    public async ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken = default)
    {
        var result = await _pipeline.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        Succeeded();
        return result;
    }

    /// <summary>Runs <paramref name="action"/>, retrying it on transient failures.</summary>
    public async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> action, CancellationToken cancellationToken = default)
    {
        await _pipeline.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        Succeeded();
    }

    private void Succeeded()
    {
        if (_failing)
        {
            _failing = false;
            _health?.ReportSuccess(_dependency);
        }
    }
}
