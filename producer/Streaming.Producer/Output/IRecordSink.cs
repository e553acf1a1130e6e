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

    /// <summary>Sends one record. May block briefly for back-pressure.</summary>
    /// <exception cref="SinkException">An earlier asynchronous send failed fatally, or the sink cannot accept records.</exception>
    void Send(ProducerRecord record);

    /// <summary>Waits until every record sent is confirmed or failed, within the sink's bound.</summary>
    /// <returns>The outcome: failures and records left unconfirmed.</returns>
    Task<SinkCompletion> CompleteAsync(CancellationToken cancellationToken = default);
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
