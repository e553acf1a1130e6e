using System.Text;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Processor.Topology;

namespace Streaming.Processor.Streams;

/// <summary>
/// City-hourly windows on Streamiz: merges repartitioned partials into hourly windows per city (a changelogged store)
/// and emits each window once, as final, when the downstream watermark, the minimum over the last marker of every
/// upstream trips partition (<see cref="UpstreamWatermarks"/>, kept in a store), reaches its end; all remaining windows
/// once every upstream partition reported end of input. Emission order is (window start, city), so it does not depend
/// on arrival order.
/// </summary>
public sealed class CityWindowTransformer(RunSummary summary, InputBounds bounds) : ITransformer<byte[], CityRepartitionRecord, byte[], CityHourly>
{
    /// <summary>Streamiz's prototype instance: it builds one with this constructor and one per task with the builder's parameters.</summary>
    public CityWindowTransformer()
        : this(null!, null!)
    {
    }

    private ProcessorContext<byte[], CityHourly> _context = null!;
    private IKeyValueStore<string, CityWindowState> _windows = null!;
    private IKeyValueStore<int, UpstreamMark?> _marks = null!;
    private UpstreamWatermarks? _upstream;

    public void Init(ProcessorContext<byte[], CityHourly> context)
    {
        _context = context;
        _windows = (IKeyValueStore<string, CityWindowState>)context.GetStateStore(StreamizPipelineTopology.CityWindowStore);
        _marks = (IKeyValueStore<int, UpstreamMark?>)context.GetStateStore(StreamizPipelineTopology.CityUpstreamMarkStore);
    }

    public Record<byte[], CityHourly>? Process(Record<byte[], CityRepartitionRecord> record)
    {
        var upstream = Upstream();
        if (record.Value.Marker is { } marker)
        {
            OnMarker(upstream, marker, record.TopicPartitionOffset.Partition.Value);
        }
        else
        {
            Merge(upstream, record.Value.City!, record.Value.Partial!);
        }
        return null;
    }

    public void Close()
    {
    }

    private void Merge(UpstreamWatermarks upstream, string city, CityHourlyPartial partial)
    {
        var window = HourlyWindow.Containing(partial.WindowStart);
        if (WindowLateness.IsClosed(window, upstream.Watermark) || upstream.AllEnded)
        {
            // Upstream sends every window-late trip to trips.late and flushes its partials ahead of each marker, so
            // only a replay after an at_least_once restart gets here: the window was merged and emitted before.
            summary.PartialReplayed();
            return;
        }
        var key = CityHourlyKeys.WindowKey(city, window.Start);
        var state = _windows.Get(key) ?? CityWindowState.Empty();
        if (state.Merge(partial))
        {
            _windows.Put(key, state);
        }
        else
        {
            summary.PartialReplayed();
        }
    }

    private void OnMarker(UpstreamWatermarks upstream, WatermarkMarker marker, int partition)
    {
        if (marker.TargetPartition != partition)
        {
            throw new InvalidOperationException($"a watermark marker addressed to partition {marker.TargetPartition} arrived on partition {partition}.");
        }
        var before = upstream.Watermark;
        var kept = upstream.Report(marker.UpstreamPartition, marker.UpstreamPartitions, marker.Watermark, marker.EndOfInput);
        _marks.Put(marker.UpstreamPartition, kept);
        if (upstream.AllEnded)
        {
            EmitClosed(long.MaxValue);
            bounds.EndCityPartition(partition);
        }
        else if (upstream.Watermark > before)
        {
            EmitClosed(upstream.Watermark);
        }
    }

    private void EmitClosed(long watermark)
    {
        var closed = _windows.All()
            .Select(e => (Slot: CityHourlyKeys.ParseWindowKey(e.Key), e.Key, e.Value))
            .Where(e => WindowLateness.IsClosed(HourlyWindow.Containing(e.Slot.WindowStart), watermark))
            .OrderBy(e => e.Slot.WindowStart).ThenBy(e => e.Slot.City, StringComparer.Ordinal)
            .ToList();
        foreach (var (slot, key, state) in closed)
        {
            var window = HourlyWindow.Containing(slot.WindowStart);
            var result = state.Accumulator.ToCityHourly(slot.City, window);
            summary.WindowEmitted(result);
            _context.ChangeTimestamp(Math.Max(window.Start, 0));
            _context.Forward(Encoding.UTF8.GetBytes(key), result);
            _windows.Delete(key);
        }
    }

    private UpstreamWatermarks Upstream()
    {
        if (_upstream is null)
        {
            _upstream = new UpstreamWatermarks();
            foreach (var entry in _marks.All())
            {
                _upstream.Restore(entry.Key, entry.Value!.Value);
            }
        }
        return _upstream;
    }
}
