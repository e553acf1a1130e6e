using Streaming.Contracts.Configuration;
using Streaming.Sinks.Cli;
using Streaming.Sinks.Postgres;
using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>Runs <c>sinks postgres --until-end</c> in-process, configured only through explicit keys.</summary>
internal static class InProcessSink
{
    public static async Task<(int ExitCode, string Summary)> RunUntilEndAsync(
        TestSchema schema, IEnumerable<string> topics, string sinkName, int batchSize = 100, TimeSpan? timeout = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            [ConfigKeys.KafkaBootstrapServers] = DevStack.KafkaBootstrap,
            [ConfigKeys.SchemaRegistryUrl] = DevStack.SchemaRegistryUrl,
            [ConfigKeys.PostgresConnectionString] = schema.ConnectionString,
            [PostgresSinkSettings.TopicsKey] = string.Join(',', topics),
            [PostgresSinkSettings.BatchSizeKey] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PostgresSinkSettings.GroupIdKey] = "test-" + sinkName,
            [PostgresSinkSettings.SinkNameKey] = sinkName,
            ["Logging:Level"] = "Warning",
        };
        var configuration = StreamingConfiguration.Build(overrides, baseDirectory: AppContext.BaseDirectory, environment: new Dictionary<string, string?>());
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var output = new StringWriter();
        var code = await PostgresCommand.RunAsync(configuration, untilEnd: true, output, cts.Token);
        return (code, output.ToString().Trim());
    }
}
