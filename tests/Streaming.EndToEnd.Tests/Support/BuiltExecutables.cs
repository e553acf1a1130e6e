using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// The built producer, processor and sinks dlls, run as child processes. The configuration (Debug/Release) follows this test
/// assembly's, falling back to the other one; scripts/test.sh builds the solution in Debug first.
/// </summary>
public static class BuiltExecutables
{
    public static string Producer => ChildProcess.BuiltDll(Path.Combine("producer", "Streaming.Producer"), "producer.dll");

    public static string Processor => ChildProcess.BuiltDll(Path.Combine("processor", "Streaming.Processor"), "processor.dll");

    public static string Sinks => ChildProcess.BuiltDll(Path.Combine("sinks", "Streaming.Sinks"), "sinks.dll");
}
