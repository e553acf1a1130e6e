using Streaming.Producer;

// producer: publishes trips and messages (generate | replay-file). Ctrl+C stops sending and flushes what was handed over.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await ProducerCli.RunAsync(args, cancellationToken: cancellation.Token).ConfigureAwait(false);
