namespace Streaming.Runtime;

/// <summary>
/// Time of one input partition of a task. Stream time = largest event time processed (never goes back); the
/// watermark is derived from it (source partitions) or from upstream markers (repartition partitions).
/// <see cref="long.MinValue"/> means "no time yet".
/// </summary>
internal abstract class PartitionClock
{
    public long StreamTime { get; protected set; } = long.MinValue;

    public abstract long Watermark { get; }

    /// <summary>No more input will come: bounded end reached and drained, or every upstream sent its end marker.</summary>
    public bool Ended { get; protected set; }

    public void Advance(long timestamp)
    {
        if (timestamp > StreamTime)
        {
            StreamTime = timestamp;
        }
    }

    public abstract void MarkEnded();

    public abstract void ApplyMarker(WatermarkMarker marker);

    public abstract PartitionClockState Save();

    public abstract void Load(PartitionClockState state);
}

/// <summary>Serializable clock state carried in checkpoints, so lateness decisions survive restarts.</summary>
internal sealed class PartitionClockState
{
    public long StreamTime { get; set; } = long.MinValue;

    public bool Ended { get; set; }

    public long[]? UpstreamWatermarks { get; set; }

    public bool[]? UpstreamEnded { get; set; }
}

/// <summary>A source topic partition: watermark = stream time − allowed lateness; at end of input, = stream time.</summary>
internal sealed class SourcePartitionClock(long allowedLatenessMs) : PartitionClock
{
    public override long Watermark => StreamTime == long.MinValue ? long.MinValue : Ended ? StreamTime : StreamTime - allowedLatenessMs;

    public override void MarkEnded() => Ended = true;

    public override void ApplyMarker(WatermarkMarker marker) =>
        throw new StreamsException("a watermark marker arrived on a source topic; markers belong to repartition topics only.");

    public override PartitionClockState Save() => new() { StreamTime = StreamTime, Ended = Ended };

    public override void Load(PartitionClockState state)
    {
        StreamTime = state.StreamTime;
        // Ended is not restored: a restarted bounded run reads to its own end offsets again.
    }
}

/// <summary>
/// A repartition topic partition: watermark = minimum over all upstream tasks of the latest marker each sent
/// (<see cref="long.MinValue"/> until every upstream task has been heard from). Upstream tasks that ended are left
/// out of the minimum: they will send nothing more, so they cannot hold any window open.
/// </summary>
internal sealed class RepartitionPartitionClock : PartitionClock
{
    private long[]? _upstream;
    private bool[]? _upstreamEnded;
    private long _watermark = long.MinValue;

    public override long Watermark => _watermark;

    public override void MarkEnded()
    {
        // Ended only through end markers of every upstream task.
    }

    public override void ApplyMarker(WatermarkMarker marker)
    {
        if (_upstream is null)
        {
            _upstream = new long[marker.UpstreamTaskCount];
            Array.Fill(_upstream, long.MinValue);
            _upstreamEnded = new bool[marker.UpstreamTaskCount];
        }
        if (marker.UpstreamTaskCount != _upstream.Length || marker.UpstreamPartition < 0 || marker.UpstreamPartition >= _upstream.Length)
        {
            throw new StreamsException($"watermark marker from upstream task {marker.UpstreamPartition} of {marker.UpstreamTaskCount} does not fit the {_upstream.Length} upstream tasks seen before.");
        }
        _upstream[marker.UpstreamPartition] = Math.Max(_upstream[marker.UpstreamPartition], marker.Watermark);
        _upstreamEnded![marker.UpstreamPartition] |= marker.EndOfInput;
        Recompute();
    }

    public override PartitionClockState Save() => new()
    {
        StreamTime = StreamTime,
        Ended = Ended,
        UpstreamWatermarks = _upstream is null ? null : (long[])_upstream.Clone(),
        UpstreamEnded = _upstreamEnded is null ? null : (bool[])_upstreamEnded.Clone(),
    };

    public override void Load(PartitionClockState state)
    {
        StreamTime = state.StreamTime;
        _upstream = state.UpstreamWatermarks is null ? null : (long[])state.UpstreamWatermarks.Clone();
        _upstreamEnded = state.UpstreamEnded is null ? null : (bool[])state.UpstreamEnded.Clone();
        Recompute();
    }

    private void Recompute()
    {
        if (_upstream is null)
        {
            return;
        }
        var min = long.MaxValue;
        var allEnded = true;
        for (var i = 0; i < _upstream.Length; i++)
        {
            if (!_upstreamEnded![i])
            {
                allEnded = false;
                min = Math.Min(min, _upstream[i]);
            }
        }
        if (allEnded)
        {
            min = _upstream.Max();
            Ended = true;
        }
        if (min > _watermark)
        {
            _watermark = min;
        }
    }
}
