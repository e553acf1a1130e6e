using Streaming.Producer.Generation;

namespace Streaming.Producer.Output;

/// <summary>
/// Sends records to a sink in order, at a limited rate when asked, reporting progress; then completes the sink.
/// Encoding is pipelined: while one batch is sent on the calling thread, the next is encoded on the thread pool.
/// </summary>
internal static class SendLoop
{
    private const int BatchSize = 2048;
    private const int ProgressEvery = 1000;

    /// <summary>Sends every record and waits for the sink to confirm them (bounded by the sink).</summary>
    /// <param name="records">Records in send order; enumerated on the calling thread only.</param>
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
            using var source = records.GetEnumerator();
            var pending = PrepareNext(source, sink);
            while (pending is not null)
            {
                var batch = await pending.ConfigureAwait(false);
                pending = PrepareNext(source, sink);
                for (var i = 0; i < batch.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    bucket?.Take(cancellationToken);
                    batch.Send(i);
                    if (++sent % ProgressEvery == 0)
                    {
                        report(sent);
                    }
                }
            }
            report(sent);
            return await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        });

    // Reads the next batch here (the source may be a file reader with side effects) and encodes it on the pool.
    private static Task<IPreparedBatch>? PrepareNext(IEnumerator<ProducerRecord> source, IRecordSink sink)
    {
        var chunk = new List<ProducerRecord>(BatchSize);
        while (chunk.Count < BatchSize && source.MoveNext())
        {
            chunk.Add(source.Current);
        }
        return chunk.Count == 0 ? null : Task.Run(() => sink.Prepare(chunk));
    }
}
