namespace Streaming.Processor.Domain;

/// <summary>
/// The watermark downstream of a repartition topic (DESIGN §4): the minimum over all upstream partitions of the last
/// watermark each reported, as in Flink. Until every upstream partition has been heard from, it is
/// <see cref="long.MinValue"/>. Upstream partitions that reached the end of input are left out of the minimum (they
/// send nothing more); once all have, the input has ended and the watermark is the largest reported.
/// </summary>
/// <remarks>Not thread-safe; one instance per window task. A lower report than an earlier one for the same partition changes nothing.</remarks>
public sealed class UpstreamWatermarks
{
    private readonly SortedDictionary<int, UpstreamMark> _marks = [];
    private int _upstreamPartitions;

    /// <summary>The last mark of each upstream partition heard from, by partition.</summary>
    public IReadOnlyDictionary<int, UpstreamMark> Marks => _marks;

    /// <summary>Records a report; returns the mark now kept for that partition (the later of the two).</summary>
    /// <exception cref="ArgumentException">The upstream partition count differs from earlier reports, or the partition is outside it.</exception>
    public UpstreamMark Report(int upstreamPartition, int upstreamPartitions, long watermark, bool endOfInput)
    {
        if (upstreamPartitions <= 0 || upstreamPartition < 0 || upstreamPartition >= upstreamPartitions
            || (_upstreamPartitions != 0 && upstreamPartitions != _upstreamPartitions))
        {
            throw new ArgumentException(
                $"a watermark of upstream partition {upstreamPartition} of {upstreamPartitions} does not fit the {_upstreamPartitions} upstream partitions seen before.");
        }
        _upstreamPartitions = upstreamPartitions;
        var mark = new UpstreamMark(watermark, endOfInput, upstreamPartitions);
        if (_marks.TryGetValue(upstreamPartition, out var previous))
        {
            mark = new UpstreamMark(Math.Max(previous.Watermark, watermark), previous.EndOfInput || endOfInput, upstreamPartitions);
        }
        _marks[upstreamPartition] = mark;
        return mark;
    }

    /// <summary>Restores a kept mark (after a restart).</summary>
    public void Restore(int upstreamPartition, UpstreamMark mark) => Report(upstreamPartition, mark.UpstreamPartitions, mark.Watermark, mark.EndOfInput);

    /// <summary>True once every upstream partition reported the end of input.</summary>
    public bool AllEnded => _upstreamPartitions > 0 && _marks.Count == _upstreamPartitions && _marks.Values.All(m => m.EndOfInput);

    /// <summary>The downstream watermark (see the class remarks).</summary>
    public long Watermark
    {
        get
        {
            if (_upstreamPartitions == 0 || _marks.Count < _upstreamPartitions)
            {
                return long.MinValue;
            }
            if (AllEnded)
            {
                return _marks.Values.Max(m => m.Watermark);
            }
            return _marks.Values.Where(m => !m.EndOfInput).Min(m => m.Watermark);
        }
    }
}

/// <summary>The last watermark one upstream partition reported.</summary>
/// <param name="Watermark">Its watermark.</param>
/// <param name="EndOfInput">It reached the end of input.</param>
/// <param name="UpstreamPartitions">How many upstream partitions it said there are.</param>
public readonly record struct UpstreamMark(long Watermark, bool EndOfInput, int UpstreamPartitions);
