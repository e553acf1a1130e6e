using Streaming.Processor.Cli;

// processor: runs the stream topology (`processor run`) or replays a bounded range (`processor backfill`).
using var cancellation = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cancellation.Cancel(); });
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
return await ProcessorCli.RunAsync(args, cancellation.Token).ConfigureAwait(false);
