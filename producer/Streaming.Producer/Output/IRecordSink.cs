using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>Where produced records go: Kafka topics or a JSON lines file.</summary>
internal interface IRecordSink : IAsyncDisposable
{
    /// <summary>A short description for the summary, e.g. "Kafka 127.0.0.1:9092" or "file a.jsonl".</summary>
    string Description { get; }

    /// <summary>The destination name of a stream (topic name) as shown in the summary.</summary>
    string DestinationOf(EventStream stream);

    /// <summary>Records confirmed written (delivered by the broker, or written to the file), by stream and kind.</summary>
    SendCounts Delivered { get; }

    /// <summary>
    /// Encodes records for sending. Thread-safe and without effect on the destination, so the send loop runs it on
    /// another thread for the next batch while the current one is sent.
    /// </summary>
    /// <exception cref="SinkException">A record cannot be encoded.</exception>
    IPreparedBatch Prepare(IReadOnlyList<ProducerRecord> records);

    /// <summary>Waits until every record sent is confirmed or failed, within the sink's bound.</summary>
    /// <returns>The outcome: failures and records left unconfirmed.</returns>
    Task<SinkCompletion> CompleteAsync(CancellationToken cancellationToken = default);
}

/// <summary>Records encoded by <see cref="IRecordSink.Prepare"/>, sent one at a time in order.</summary>
internal interface IPreparedBatch
{
    /// <summary>Number of records in the batch.</summary>
    int Count { get; }

    /// <summary>Sends record <paramref name="index"/>. May block briefly for back-pressure. Call in index order, from one thread at a time.</summary>
    /// <exception cref="SinkException">The sink cannot accept records.</exception>
    void Send(int index);
}

/// <summary>The end state of a sink.</summary>
/// <param name="Failed">Records whose delivery failed.</param>
/// <param name="Unconfirmed">Records neither delivered nor failed when the flush bound ran out.</param>
/// <param name="FirstError">The first failure's message, or null.</param>
internal sealed record SinkCompletion(long Failed, long Unconfirmed, string? FirstError)
{
    /// <summary>True when every record was delivered.</summary>
    public bool Succeeded => Failed == 0 && Unconfirmed == 0;
}
