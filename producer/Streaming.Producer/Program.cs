using Streaming.Contracts.Cli;
using Streaming.Producer;

// producer: publishes trips and messages (generate | replay-file). Ctrl+C or SIGTERM stops sending (exit 130);
// records handed to the Kafka client but not yet acknowledged may then be lost.
using var cancellation = CommandLineApp.CancelOnSignals();
return await ProducerCli.RunAsync(args, cancellationToken: cancellation.Token).ConfigureAwait(false);
