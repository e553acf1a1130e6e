using System.Collections.Concurrent;

namespace Streaming.Processor.Streams;

/// <summary>
/// Where a bounded run (<c>--until-end</c>, backfill) ends: per source topic partition, the offsets captured at start
/// (DESIGN §5, Bounded runs). Streamiz has no end-of-input; this is how it reaches the topology. Each ingest task ends
/// its partition once it has read up to the end offset (or, for a partition that holds nothing to read, at its first
/// punctuation): the watermark moves to stream time, partials are flushed and final markers follow.
/// </summary>
/// <remarks>
/// Set by the host before the application starts (or by a test between records); read from stream threads. The
/// topology reports here what has finished, so the host knows when every result of the run has been produced.
/// </remarks>
public sealed class InputBounds
{
    private readonly ConcurrentDictionary<(string Topic, int Partition), Bound> _bounds = new();
    private readonly ConcurrentDictionary<(string Topic, int Partition), bool> _ended = new();
    private readonly ConcurrentDictionary<int, bool> _citiesEnded = new();

    /// <summary>True once any bound is set: the run is bounded.</summary>
    public bool IsBounded => !_bounds.IsEmpty;

    /// <summary>Sets where a partition's input starts (the first offset this run would read) and ends (exclusive).</summary>
    public void Set(string topic, int partition, long startOffset, long endOffset) =>
        _bounds[(topic, partition)] = new Bound(startOffset, endOffset);

    /// <summary>True when a record at this offset lies beyond the run's end and must not be processed.</summary>
    public bool IsBeyondEnd(string topic, int partition, long offset) =>
        _bounds.TryGetValue((topic, partition), out var bound) && offset >= bound.EndOffset;

    /// <summary>True when a partition has nothing more to read in this run; <paramref name="nextOffset"/> is -1 when nothing was read yet.</summary>
    public bool HasEnded(string topic, int partition, long nextOffset) =>
        _bounds.TryGetValue((topic, partition), out var bound) && (nextOffset < 0 ? bound.StartOffset : nextOffset) >= bound.EndOffset;

    private readonly record struct Bound(long StartOffset, long EndOffset);

    /// <summary>An ingest task has processed its partition up to the end and sent everything that follows from it.</summary>
    public void EndPartition(string topic, int partition) => _ended[(topic, partition)] = true;

    /// <summary>A city window task has heard end of input from every upstream partition and emitted its last window.</summary>
    public void EndCityPartition(int partition) => _citiesEnded[partition] = true;

    /// <summary>True once every bounded partition ended and all <paramref name="cityPartitions"/> emitted their last window.</summary>
    public bool IsComplete(int cityPartitions) =>
        IsBounded && _bounds.Keys.All(_ended.ContainsKey) && Enumerable.Range(0, cityPartitions).All(_citiesEnded.ContainsKey);
}
