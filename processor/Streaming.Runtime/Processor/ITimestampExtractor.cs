namespace Streaming.Runtime;

/// <summary>
/// Chooses a source record's event time. Return a negative value for "no valid time": the record is still processed
/// (so validation can reject it) but it does not advance its partition's stream time.
/// </summary>
public interface ITimestampExtractor<TKey, TValue>
{
    /// <summary>Returns the event time in epoch ms.</summary>
    /// <param name="key">Deserialized key.</param>
    /// <param name="value">Deserialized value.</param>
    /// <param name="recordTimestamp">The Kafka record timestamp.</param>
    /// <param name="partitionTime">The partition's stream time so far (<see cref="long.MinValue"/> if none).</param>
    long Extract(TKey key, TValue value, long recordTimestamp, long partitionTime);
}

/// <summary>Timestamp extractor factories.</summary>
public static class TimestampExtractors
{
    /// <summary>Uses the Kafka record timestamp.</summary>
    public static ITimestampExtractor<TKey, TValue> RecordTimestamp<TKey, TValue>() => new DelegateExtractor<TKey, TValue>((_, _, ts, _) => ts);

    /// <summary>Uses a delegate (key, value, record timestamp, partition time) → event time.</summary>
    public static ITimestampExtractor<TKey, TValue> From<TKey, TValue>(Func<TKey, TValue, long, long, long> extract) => new DelegateExtractor<TKey, TValue>(extract);

    private sealed class DelegateExtractor<TKey, TValue>(Func<TKey, TValue, long, long, long> extract) : ITimestampExtractor<TKey, TValue>
    {
        public long Extract(TKey key, TValue value, long recordTimestamp, long partitionTime) => extract(key, value, recordTimestamp, partitionTime);
    }
}
