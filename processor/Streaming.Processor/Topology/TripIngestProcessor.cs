using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// Trips sub-topology: accepted trips go to <c>trips.clean</c>; a trip whose hourly window is already closed at its
/// source partition's watermark is also copied to <c>trips.late</c> (window_closed) and kept out of the aggregate;
/// every other accepted trip is repartitioned by city for the hourly windows.
/// </summary>
public sealed class TripIngestProcessor(ProcessorOptions options, ConservationCounters counters)
    : IngestProcessor<TripEvent, TripLate>(options, counters, PipelineTopology.TripDedupStore)
{
    private readonly TripValidator _validator = new(options);

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
        Context.Forward(new Record<string, TripEvent>(CityHourlyKeys.RepartitionKey(value), value, value.PickupTs), PipelineTopology.TripsByCity);
    }
}
