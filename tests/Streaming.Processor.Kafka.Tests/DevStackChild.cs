using Streaming.TestSupport;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>Runs one of the built executables (producer.dll, processor.dll) with the dev stack's Kafka settings.</summary>
internal static class DevStackChild
{
    /// <summary>The variables the executables need from the dev stack.</summary>
    private static readonly string[] s_names = ["KAFKA_BOOTSTRAP", "SCHEMA_REGISTRY_URL", "DEV_KAFKA_TOPIC_REQUESTS"];

    public static Task<ChildProcessResult> RunAsync(
        string dll, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? extra = null) =>
        ChildProcess.RunDllAsync(dll, args, Environment(extra), timeout);

    /// <summary>Starts the executable without waiting for it (to kill it).</summary>
    public static StartedChildProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? extra = null) =>
        StartedChildProcess.Start(ChildProcess.DotnetStartInfo(dll, args, Environment(extra)));

    /// <summary>Creates the topics a processor run with these topic flags uses (the dev broker cannot create them).</summary>
    public static Task CreateTopicsAsync(string processorDll, IEnumerable<string> topicArgs) =>
        DevKafkaTopics.CreateForProcessorAsync(processorDll, topicArgs, Environment(null));

    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra)
    {
        var environment = s_names.ToDictionary(
            name => name,
            name => DevStack.Get(name) ?? throw new InvalidOperationException($"{name} is not set; start the dev stack with 'scripts/dev.sh up'."));
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        return environment;
    }
}
