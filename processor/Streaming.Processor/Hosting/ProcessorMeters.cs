using System.Diagnostics.Metrics;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Hosting;

/// <summary>
/// The processor's meter (exported on /metrics): the run summary's conservation counters per input topic, read when
/// scraped, so /metrics and the printed summary can never disagree.
/// </summary>
public sealed class ProcessorMeters : IDisposable
{
    /// <summary>The meter's name, for the exporter.</summary>
    public const string MeterName = "Streaming.Processor";

    /// <summary>The processor's /metrics port when none is configured (the sinks use 9465 and 9466).</summary>
    public const int DefaultPort = 9464;

    private readonly Meter _meter = new(MeterName);

    public ProcessorMeters(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _meter.CreateObservableCounter("streaming.processor.records", () => Records(Snapshot(summary)), unit: "{record}",
            description: "Input records per topic by outcome: in, accepted, duplicate, beyond_horizon, rejected, window_late (window_late is part of accepted).");
        _meter.CreateObservableCounter("streaming.processor.rejected", () => Rejected(Snapshot(summary)), unit: "{record}",
            description: "Rejected input records per topic and reason code.");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>
    /// The summary's counters, read from the scrape thread while tasks update them: a task adding its first record of a
    /// reject reason can make the read fail, so it is tried again.
    /// </summary>
    private static IReadOnlyList<ConservationCounters> Snapshot(RunSummary summary)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return summary.Conservation();
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
            }
        }
    }

    private static IEnumerable<Measurement<long>> Records(IReadOnlyList<ConservationCounters> topics) =>
        topics.SelectMany(t => new[]
        {
            Of(t.In, t.Topic, "in"),
            Of(t.Accepted, t.Topic, "accepted"),
            Of(t.Duplicates, t.Topic, "duplicate"),
            Of(t.BeyondHorizon, t.Topic, "beyond_horizon"),
            Of(t.Rejected, t.Topic, "rejected"),
            Of(t.WindowLate, t.Topic, "window_late"),
        });

    private static IEnumerable<Measurement<long>> Rejected(IReadOnlyList<ConservationCounters> topics) =>
        topics.SelectMany(t => t.RejectedByReason.Select(r =>
            new Measurement<long>(r.Value, new KeyValuePair<string, object?>("topic", t.Topic), new KeyValuePair<string, object?>("reason", r.Key))));

    private static Measurement<long> Of(long value, string topic, string outcome) =>
        new(value, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("outcome", outcome));
}
