using System.Runtime.CompilerServices;

// The Postgres sink tests run `sinks postgres` in-process through PostgresCommand.RunAsync.
[assembly: InternalsVisibleTo("Streaming.PostgresSink.Tests")]
