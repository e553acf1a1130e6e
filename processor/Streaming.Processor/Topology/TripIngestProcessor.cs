using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// Trips sub-topology: accepted trips go to <c>trips.clean</c>; a trip whose hourly window is already closed at its
/// source partition's watermark is also copied to <c>trips.late</c> (window_closed) and kept out of the aggregate;
/// every other accepted trip is added to a partial aggregate of its city and window, and the partials are repartitioned
/// by city when the task flushes (before each commit and each watermark marker).
/// </summary>
public sealed class TripIngestProcessor(ProcessorOptions options, ConservationCounters counters)
    : IngestProcessor<TripEvent, TripLate>(options, counters, PipelineTopology.TripDedupStore)
{
    private readonly TripValidator _validator = new(options);
    private readonly CityHourlyPartials _partials = new();

    protected override string RejectedChild => PipelineTopology.TripsRejectedSink;

    protected override string LateChild => PipelineTopology.TripsLateSink;

    protected override ValidationFailure? Validate(TripEvent value, long? partitionStreamTime) => _validator.Validate(value, partitionStreamTime);

    protected override string IdOf(TripEvent value) => value.TripId;

    protected override long EventTimeOf(TripEvent value) => value.PickupTs;

    protected override TripLate LateRecordOf(TripEvent value, long watermark, LateReason reason) => new(value, watermark, reason);

    protected override void Accept(byte[]? key, TripEvent value, long watermark)
    {
        Context.Forward(new Record<string, TripEvent>(value.TripId, value, value.PickupTs), PipelineTopology.TripsCleanSink);
        if (WindowLateness.IsLate(value.PickupTs, watermark))
        {
            Counters.CountWindowLate();
            ForwardLate(key, value, watermark, LateReason.WindowClosed);
            return;
        }
        _partials.Add(value);
    }

    public override void Flush()
    {
        if (_partials.Count == 0)
        {
            return;
        }
        foreach (var (city, partial) in _partials.Drain())
        {
            Context.Forward(new Record<string, CityHourlyPartial>(city, partial, partial.WindowStart), PipelineTopology.TripsByCity);
        }
    }
}
