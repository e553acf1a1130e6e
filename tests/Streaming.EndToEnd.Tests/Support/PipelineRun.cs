using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// One isolated end-to-end run on the dev stack, through the real executables: <c>producer generate --out</c> (the
/// oracle's input), the same generation to Kafka under a unique topic prefix, then <c>processor run --until-end</c>
/// under a unique application id, and finally every output topic read back.
/// </summary>
public sealed class PipelineRun : IDisposable
{
    private PipelineRun(string workDir, string prefix, string appId)
    {
        WorkDir = workDir;
        Prefix = prefix;
        AppId = appId;
    }

    public string WorkDir { get; }

    public string Prefix { get; }

    public string AppId { get; }

    public string InputFile => Path.Combine(WorkDir, "in.jsonl");

    public ChildProcessResult ProducerToFile { get; private set; } = null!;

    public ChildProcessResult ProducerToKafka { get; private set; } = null!;

    public ChildProcessResult Processor { get; private set; } = null!;

    public int TripsPartitions { get; private set; }

    public int MessagesPartitions { get; private set; }

    /// <summary>High watermark per partition of the two input topics (the producer is not transactional: = record count).</summary>
    public Dictionary<string, List<long>> InputPartitionSizes { get; } = new(StringComparer.Ordinal);

    public OutputTopics Outputs { get; private set; } = null!;

    public static async Task<PipelineRun> ExecuteAsync(GenerateSpec spec)
    {
        var environment = await DevStackEnvironment.EnsureUpAsync();
        var producer = BuiltExecutables.Producer;
        var processor = BuiltExecutables.Processor;
        var id = Guid.NewGuid().ToString("N")[..8];
        var workDir = Path.Combine(Path.GetTempPath(), $"streaming-e2e-{id}");
        Directory.CreateDirectory(workDir);
        var run = new PipelineRun(workDir, $"e2e-{id}.", $"e2e-app-{id}");
        try
        {
            run.ProducerToFile = (await ChildProcess.RunDllAsync(producer, [.. spec.Args, "--out", run.InputFile], environment, TimeSpan.FromMinutes(2))).ShouldSucceed();
            run.ProducerToKafka = (await ChildProcess.RunDllAsync(producer, [.. spec.Args, "--topic-prefix", run.Prefix], environment, TimeSpan.FromMinutes(2))).ShouldSucceed();
            string[] topics = ["--topic-prefix", run.Prefix, "--app-id", run.AppId];
            await DevKafkaTopics.CreateForProcessorAsync(processor, topics, environment);
            run.Processor = (await ChildProcess.RunDllAsync(processor, ["run", "--until-end", .. topics], environment, TimeSpan.FromMinutes(3))).ShouldSucceed();

            var reader = new TopicReader(DevStack.KafkaBootstrap);
            run.TripsPartitions = reader.PartitionCount(run.Prefix + "trips");
            run.MessagesPartitions = reader.PartitionCount(run.Prefix + "messages");
            foreach (var topic in new[] { "trips", "messages" })
            {
                run.InputPartitionSizes[topic] = reader.HighWatermarks(run.Prefix + topic);
            }
            run.Outputs = OutputTopics.Read(reader, run.Prefix);
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
