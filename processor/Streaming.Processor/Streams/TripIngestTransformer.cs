using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>
/// Trips ingest on Streamiz: accepted trips go to <c>trips.clean</c>; a trip whose hourly window is already closed at
/// its source partition's watermark is also copied to <c>trips.late</c> (window_closed) and kept out of the aggregate;
/// every other accepted trip is added to its city and window's partial aggregate, held in a changelogged store.
/// </summary>
/// <remarks>
/// <para>A punctuator (stream time and wall clock; Streamiz has no pre-commit hook) flushes the partials to the city
/// repartition topic in (window start, city) order, then sends a <see cref="WatermarkMarker"/> to every partition of it
/// when the watermark moved. Markers follow their data on each partition, so a window closed downstream by the minimum
/// over markers can never receive a partial afterwards. Besides the punctuator, a flush and markers follow at once
/// when the watermark crosses an hour (the only moments a window can close) and at end of input. The timing of
/// flushes changes no result: the merge is exact and windows close only on markers.</para>
/// <para>Partials live in a store because a commit may come between records while partials are held: without the
/// changelog they would be lost on a crash after their input offsets were committed.</para>
/// </remarks>
public sealed class TripIngestTransformer : IngestTransformer<TripEvent>
{
    private readonly CityRepartitionLayout _layout;
    private TripValidator _validator = null!;
    private IKeyValueStore<string, HeldCityPartial> _partials = null!;
    private long _markedWatermark = long.MinValue;
    private bool _endMarked;

    /// <summary>Streamiz's prototype instance (see <see cref="IngestTransformer{T}"/>); never run.</summary>
    public TripIngestTransformer()
        : this(null!, null!)
    {
    }

    public TripIngestTransformer(IngestSettings<TripEvent> settings, CityRepartitionLayout layout)
        : base(settings, StreamizPipelineTopology.TripClockStore, StreamizPipelineTopology.TripDedupStore)
    {
        _layout = layout;
    }

    protected override string RejectedChild => StreamizPipelineTopology.TripsRejected;

    protected override string LateChild => StreamizPipelineTopology.TripsLate;

    public override void Init(ProcessorContext<byte[], object> context)
    {
        base.Init(context);
        _validator = new TripValidator(Options);
        _partials = (IKeyValueStore<string, HeldCityPartial>)context.GetStateStore(StreamizPipelineTopology.TripPartialStore);
        context.Schedule(FlushInterval, PunctuationType.STREAM_TIME, _ => Punctuate());
        context.Schedule(FlushInterval, PunctuationType.PROCESSING_TIME, _ => Punctuate());
    }

    protected override ValidationFailure? Validate(TripEvent value, long? partitionStreamTime) => _validator.Validate(value, partitionStreamTime);

    protected override string IdOf(TripEvent value) => value.TripId;

    protected override long EventTimeOf(TripEvent value) => value.PickupTs;

    protected override object LateRecordOf(TripEvent value, long watermark, LateReason reason) => new TripLate(value, watermark, reason);

    protected override void Accept(byte[]? key, TripEvent value, long watermark, long sourceOffset)
    {
        Forward(Utf8(value.TripId), value, value.PickupTs, StreamizPipelineTopology.TripsClean);
        if (WindowLateness.IsLate(value.PickupTs, watermark))
        {
            Counters.CountWindowLate();
            ForwardLate(key, value, watermark, LateReason.WindowClosed);
            return;
        }
        var slot = CityHourlyKeys.WindowKey(CityHourlyKeys.RepartitionKey(value), HourlyWindow.Containing(value.PickupTs).Start);
        var held = _partials.Get(slot) ?? HeldCityPartial.Empty;
        if (held.Counts(sourceOffset))
        {
            // A replay after an at_least_once restart: this trip is already in the partial or in a flushed one.
            return;
        }
        _partials.Put(slot, held.Add(value, sourceOffset));
    }

    /// <summary>
    /// Windows end on the hour, so a marker can close one only when the watermark crossed an hour: then flush and mark
    /// at once, so windows close after the same record as they would with markers after every record.
    /// </summary>
    protected override void OnWatermarkAdvanced(long watermark)
    {
        if (_markedWatermark == long.MinValue || HourlyWindow.Containing(watermark).Start > HourlyWindow.Containing(_markedWatermark).Start)
        {
            FlushAndMark();
        }
    }

    protected override void OnEndOfInput(int partition) => FlushAndMark();

    private void Punctuate()
    {
        // Streamiz's TopologyTestDriver flushes its inputs, which punctuates, after it closed the tasks' stores.
        if (!_partials.IsOpen)
        {
            return;
        }
        MaybeEndPartition(TaskPartition);
        FlushAndMark();
    }

    /// <summary>Partials first, then markers: on every partition a marker comes after the data it covers.</summary>
    private void FlushAndMark()
    {
        var partition = TaskPartition;
        var watermark = Watermark(partition);
        var ended = HasEnded(partition);
        var held = _partials.All()
            .Select(e => (Slot: CityHourlyKeys.ParseWindowKey(e.Key), Key: e.Key, e.Value))
            .OrderBy(e => e.Slot.WindowStart).ThenBy(e => e.Slot.City, StringComparer.Ordinal)
            .ToList();
        foreach (var (slot, key, entry) in held)
        {
            if (entry.Accumulator.Trips > 0)
            {
                var partial = new CityHourlyPartial(slot.WindowStart, entry.Accumulator, partition, entry.ThroughOffset);
                Forward(Utf8(slot.City), CityRepartitionRecord.Of(slot.City, partial), slot.WindowStart, StreamizPipelineTopology.TripsByCity);
            }
            // Kept, empty, while a trip can still be added (and so replayed); gone once the window is late here.
            if (WindowLateness.IsLate(slot.WindowStart, watermark))
            {
                _partials.Delete(key);
            }
            else if (entry.Accumulator.Trips > 0)
            {
                _partials.Put(key, entry.Flushed());
            }
        }

        if (watermark <= _markedWatermark && (!ended || _endMarked))
        {
            return;
        }
        for (var target = 0; target < _layout.Partitions; target++)
        {
            var marker = new WatermarkMarker(partition, _layout.UpstreamPartitions, target, watermark, ended);
            // Streamiz drops a null-keyed record on the way to a repartition topic: the key names the target partition.
            Forward(CityRepartitionPartitioner.MarkerKey(target), CityRepartitionRecord.Of(marker), watermark, StreamizPipelineTopology.TripsByCity);
        }
        _markedWatermark = watermark;
        _endMarked = ended;
    }
}
