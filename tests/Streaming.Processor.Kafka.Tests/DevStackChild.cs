using Streaming.TestSupport;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>Runs one of the built executables (producer.dll, processor.dll) with the dev stack's Kafka settings.</summary>
internal static class DevStackChild
{
    /// <summary>The variables the executables need from the dev stack, including the mock broker's capability switch.</summary>
    private static readonly string[] s_names = ["KAFKA_BOOTSTRAP", "SCHEMA_REGISTRY_URL", "STREAMING__RUNTIME__BROKERLACKSTRANSACTIONALISOLATION"];

    public static Task<ChildProcessResult> RunAsync(string dll, IEnumerable<string> args, TimeSpan timeout) =>
        ChildProcess.RunDllAsync(dll, args, Environment(), timeout);

    private static Dictionary<string, string> Environment() => s_names.ToDictionary(
        name => name,
        name => DevStack.Get(name) ?? throw new InvalidOperationException($"{name} is not set; start the dev stack with 'scripts/dev.sh up'."));
}
