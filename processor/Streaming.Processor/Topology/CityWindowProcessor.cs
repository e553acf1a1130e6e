using Streaming.Contracts.Events;
using Streaming.Processor.Domain;
using Streaming.Runtime;

namespace Streaming.Processor.Topology;

/// <summary>
/// City-hourly sub-topology: merges repartitioned partial aggregates into hourly tumbling windows per city and emits each window once,
/// as final, when the task watermark (the minimum over all upstream partitions) reaches its end, or at end of input
/// (suppress-until-close). Emission order is (window start, city), so it does not depend on arrival order.
/// </summary>
public sealed class CityWindowProcessor(RunSummary summary) : ContextualProcessor<string, CityHourlyPartial>
{
    private IWindowStore<string, CityHourlyAccumulator> _windows = null!;

    public override void Init(IProcessorContext context)
    {
        base.Init(context);
        _windows = context.GetStateStore<IWindowStore<string, CityHourlyAccumulator>>(PipelineTopology.CityWindowStore);
    }

    public override void Process(Record<string, CityHourlyPartial> record)
    {
        var partial = record.Value;
        var window = HourlyWindow.Containing(partial.WindowStart);
        if (WindowLateness.IsClosed(window, Context.Watermark))
        {
            // Cannot happen with min-over-upstream watermarks: upstream routed every window-late trip to trips.late and
            // flushes its partials ahead of each watermark marker.
            throw new InvalidOperationException(
                $"a partial of {partial.Accumulator.Trips} trips reached the closed window {window.Start} of {record.Key} (watermark {Context.Watermark}); the upstream lateness check was bypassed.");
        }
        if (_windows.TryFetch(record.Key, window.Start, out var current))
        {
            current.Merge(partial.Accumulator);
            _windows.Put(record.Key, current, window.Start);
        }
        else
        {
            _windows.Put(record.Key, partial.Accumulator, window.Start);
        }
    }

    public override void OnWatermark(long watermark) => EmitClosed(watermark);

    public override void OnEndOfInput() => EmitClosed(long.MaxValue);

    private void EmitClosed(long watermark)
    {
        var closed = _windows.All()
            .Where(e => WindowLateness.IsClosed(HourlyWindow.Containing(e.WindowStart), watermark))
            .OrderBy(e => e.WindowStart).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var entry in closed)
        {
            var window = HourlyWindow.Containing(entry.WindowStart);
            var result = entry.Value.ToCityHourly(entry.Key, window);
            summary.WindowEmitted(result);
            Context.Forward(new Record<string, CityHourly>(CityHourlyKeys.WindowKey(entry.Key, window.Start), result, window.Start));
            _windows.Delete(entry.Key, entry.WindowStart);
        }
    }
}
