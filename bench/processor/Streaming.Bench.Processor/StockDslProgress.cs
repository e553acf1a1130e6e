namespace Streaming.Bench.Processor;

/// <summary>Counters of the stock DSL run, bumped by the stream thread and read by the run loop.</summary>
internal sealed class StockDslProgress
{
    private long _inputs;
    private long _repartitioned;
    private long _aggregated;

    public long Inputs => Interlocked.Read(ref _inputs);

    public long Repartitioned => Interlocked.Read(ref _repartitioned);

    public long Aggregated => Interlocked.Read(ref _aggregated);

    public void OnInput() => Interlocked.Increment(ref _inputs);

    public void OnRepartitioned() => Interlocked.Increment(ref _repartitioned);

    public void OnAggregated() => Interlocked.Increment(ref _aggregated);

    /// <summary>Every input record was read and everything it sent through the repartition topic was aggregated.</summary>
    public bool IsComplete(long expectedInputs) => Inputs >= expectedInputs && Aggregated >= Repartitioned;
}
