namespace Streaming.Runtime;

/// <summary>
/// Picks a task's next record: the buffered head with the smallest timestamp over its input partitions. A task has
/// few partitions, so a linear scan beats a heap. The idle policy lives in <see cref="ReadyToProcess"/>.
/// </summary>
internal sealed class PartitionGroup(IReadOnlyList<RecordQueue> queues, long maxTaskIdleMs)
{
    private long _idleSince = long.MinValue;

    public IReadOnlyList<RecordQueue> Queues { get; } = queues;

    public int BufferedCount
    {
        get
        {
            var total = 0;
            foreach (var queue in Queues)
            {
                total += queue.Count;
            }
            return total;
        }
    }

    /// <summary>
    /// True when every partition has a buffered record or can send no more (ended); otherwise true only after the
    /// partitions have been empty for <c>maxTaskIdleMs</c> of wall-clock time. Waiting keeps event-time order across
    /// partitions when one lags.
    /// </summary>
    public bool ReadyToProcess(long now)
    {
        var any = false;
        var allReady = true;
        foreach (var queue in Queues)
        {
            if (queue.Head is not null)
            {
                any = true;
            }
            else if (!queue.IsExhausted && !queue.InputComplete)
            {
                allReady = false;
            }
        }
        if (!any)
        {
            return false;
        }
        if (allReady)
        {
            _idleSince = long.MinValue;
            return true;
        }
        if (maxTaskIdleMs <= 0)
        {
            return true;
        }
        if (_idleSince == long.MinValue)
        {
            _idleSince = now;
        }
        return now - _idleSince >= maxTaskIdleMs;
    }

    /// <summary>The non-empty queue with the smallest head timestamp (ties: declaration order), or null.</summary>
    public RecordQueue? NextQueue()
    {
        RecordQueue? best = null;
        foreach (var queue in Queues)
        {
            if (queue.Head is not null && (best is null || queue.HeadTimestamp < best.HeadTimestamp))
            {
                best = queue;
            }
        }
        return best;
    }
}
