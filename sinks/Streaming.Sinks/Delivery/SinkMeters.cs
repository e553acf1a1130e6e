using System.Diagnostics.Metrics;

namespace Streaming.Sinks.Delivery;

/// <summary>
/// A sink's meter (exported on /metrics): the run summary's counters and the destination's retries, read when scraped,
/// so /metrics and the printed summary cannot disagree.
/// </summary>
public sealed class SinkMeters : IDisposable
{
    /// <summary>The meter's name, for the exporter.</summary>
    public const string MeterName = "Streaming.Sinks";

    private readonly Meter _meter = new(MeterName);

    public SinkMeters(string sink, RunSummary summary, Func<long> retries)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(retries);
        var tag = new KeyValuePair<string, object?>("sink", sink);
        _meter.CreateObservableCounter("streaming.sink.records", () => new Measurement<long>(summary.Records, tag), "{record}", "Records read from the topics.");
        _meter.CreateObservableCounter("streaming.sink.rows", () => new Measurement<long>(summary.Rows, tag), "{row}", "Rows made durable in the destination.");
        _meter.CreateObservableCounter("streaming.sink.files", () => new Measurement<long>(summary.Files, tag), "{file}", "Files committed (S3 sink).");
        _meter.CreateObservableCounter("streaming.sink.written", () => new Measurement<long>(summary.Bytes, tag), "By", "Bytes written to the destination.");
        _meter.CreateObservableCounter("streaming.sink.rejected", () => new Measurement<long>(summary.Rejected, tag), "{record}", "Records published to sink.rejected.");
        _meter.CreateObservableCounter("streaming.sink.flushes", () => new Measurement<long>(summary.Flushes, tag), "{flush}", "Durable flushes (batches, file commits).");
        _meter.CreateObservableCounter("streaming.sink.retries", () => new Measurement<long>(retries(), tag), "{retry}", "Retries of transient destination failures.");
    }

    public void Dispose() => _meter.Dispose();
}
