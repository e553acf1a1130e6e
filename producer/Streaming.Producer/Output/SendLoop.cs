using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>Sends records to a sink in order, at a limited rate when asked, reporting progress; then completes the sink.</summary>
internal static class SendLoop
{
    private const int ProgressEvery = 1000;

    /// <summary>Sends every record and waits for the sink to confirm them (bounded by the sink).</summary>
    /// <param name="records">Records in send order.</param>
    /// <param name="total">Number of records expected, for progress; negative when unknown.</param>
    /// <param name="sink">The destination.</param>
    /// <param name="ratePerSecond">Events per second, or null/0 for unlimited.</param>
    /// <param name="progress">The progress display.</param>
    /// <param name="description">Progress label.</param>
    /// <param name="cancellationToken">Stops sending (records already handed to the sink are still flushed).</param>
    public static Task<SinkCompletion> RunAsync(
        IEnumerable<ProducerRecord> records,
        long total,
        IRecordSink sink,
        double? ratePerSecond,
        IProgressDisplay progress,
        string description,
        CancellationToken cancellationToken = default) =>
        progress.RunAsync(description, total, async report =>
        {
            var bucket = ratePerSecond is > 0 ? new TokenBucket(ratePerSecond.Value) : null;
            long sent = 0;
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bucket?.Take(cancellationToken);
                sink.Send(record);
                if (++sent % ProgressEvery == 0)
                {
                    report(sent);
                }
            }
            report(sent);
            return await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        });
}
