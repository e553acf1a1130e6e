using Confluent.Kafka;

namespace Streaming.Smoke.Tests;

internal static class KafkaReading
{
    /// <summary>Consumes exactly <paramref name="count"/> records or fails when the bound runs out.</summary>
    public static List<ConsumeResult<TKey, TValue>> ConsumeExactly<TKey, TValue>(IConsumer<TKey, TValue> consumer, int count, TimeSpan bound)
    {
        var results = new List<ConsumeResult<TKey, TValue>>(count);
        var deadline = DateTime.UtcNow + bound;
        while (results.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Kafka (dev mock cluster) delivered {results.Count} of {count} records within {bound.TotalSeconds:F0}s.");
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && !result.IsPartitionEOF)
            {
                results.Add(result);
            }
        }
        return results;
    }
}
