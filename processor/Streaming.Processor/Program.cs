using Streaming.Contracts.Cli;
using Streaming.Processor.Cli;

// processor: runs the stream topology (`processor run`) or replays a bounded range (`processor backfill`).
using var cancellation = CommandLineApp.CancelOnSignals();
return await ProcessorCli.RunAsync(args, cancellation.Token).ConfigureAwait(false);
