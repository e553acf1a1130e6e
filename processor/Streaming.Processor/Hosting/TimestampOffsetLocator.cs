using Confluent.Kafka;

namespace Streaming.Processor.Hosting;

/// <summary>
/// Finds, per partition, the first offset whose record timestamp is at or after a time. Uses the broker's
/// OffsetsForTimes; a broker that cannot answer it (the dev mock cluster returns -1) is searched with seek and fetch:
/// a binary search over offsets on the record timestamps. Record timestamps are event times, which are ordered up to
/// the producers' lateness, so the result is the first offset at or after the time along the log's time order.
/// </summary>
public sealed class TimestampOffsetLocator(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
{
    public long Locate(TopicPartition partition, long timestampMs)
    {
        var (low, high) = Watermarks(partition);
        if (low >= high)
        {
            return high;
        }
        var answered = consumer.OffsetsForTimes([new TopicPartitionTimestamp(partition, new Timestamp(timestampMs, TimestampType.CreateTime))], timeout)
            .Single().Offset.Value;
        if (answered >= 0)
        {
            return answered;
        }
        // Binary search for the first offset in [low, high) with timestamp ≥ timestampMs; high when none.
        var (lo, hi) = (low, high);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var (offset, timestamp) = ReadAtOrAfter(partition, mid, hi);
            if (offset >= hi)
            {
                hi = mid;
            }
            else if (timestamp >= timestampMs)
            {
                hi = mid;
            }
            else
            {
                lo = offset + 1;
            }
        }
        return lo;
    }

    public (long Low, long High) Watermarks(TopicPartition partition)
    {
        var w = consumer.QueryWatermarkOffsets(partition, timeout);
        return (w.Low.Value, w.High.Value);
    }

    /// <summary>The first record at or after <paramref name="offset"/> (offsets can be gaps: transaction markers).</summary>
    private (long Offset, long Timestamp) ReadAtOrAfter(TopicPartition partition, long offset, long high)
    {
        consumer.Assign(new TopicPartitionOffset(partition, offset));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                return (high, long.MaxValue);
            }
            return (result.Offset.Value, result.Message.Timestamp.UnixTimestampMs);
        }
        throw new TimeoutException($"no record of {partition} at or after offset {offset} arrived within {timeout.TotalSeconds:F0}s.");
    }
}
