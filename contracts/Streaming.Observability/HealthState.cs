using System.Collections.Concurrent;
using System.Globalization;

namespace Streaming.Observability;

/// <summary>
/// What /health answers: not ready until the service says so (first assignment, Streamiz RUNNING); unhealthy once a
/// dependency (kafka, postgres, s3) has been failing for longer than the allowed time, or the service has failed.
/// Thread-safe: the service reports from its own threads, the endpoint reads.
/// </summary>
public sealed class HealthState(TimeSpan unhealthyAfter, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Since, string Reason)> _failing = new(StringComparer.Ordinal);
    private volatile bool _ready;
    private volatile string? _fatal;

    public void MarkReady() => _ready = true;

    /// <summary>The service has stopped working (e.g. Streamiz went to ERROR): unhealthy at once.</summary>
    public void MarkFailed(string reason) => _fatal = reason;

    /// <summary>A dependency is failing; the first report starts its clock, later ones update the reason.</summary>
    public void ReportFailure(string dependency, string reason) =>
        _failing.AddOrUpdate(dependency, _ => (_time.GetUtcNow(), reason), (_, old) => (old.Since, reason));

    /// <summary>The dependency works again.</summary>
    public void ReportSuccess(string dependency) => _failing.TryRemove(dependency, out _);

    /// <summary>The HTTP status and the one-line body: 200 "ok", 503 "starting: …" or 503 "unhealthy: postgres: … for 42 s".</summary>
    public (int Status, string Body) Evaluate()
    {
        if (_fatal is { } fatal)
        {
            return (503, "unhealthy: " + fatal);
        }
        var now = _time.GetUtcNow();
        var failing = _failing
            .Where(f => now - f.Value.Since > unhealthyAfter)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}: {f.Value.Reason} for {(now - f.Value.Since).TotalSeconds:F0} s"))
            .ToList();
        if (failing.Count > 0)
        {
            return (503, "unhealthy: " + string.Join("; ", failing));
        }
        return _ready ? (200, "ok") : (503, "starting: not yet assigned any partition");
    }
}
