using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Streaming.Contracts.Cli;

/// <summary>
/// <c>--version</c>: the project version and the librdkafka actually loaded, since a wrong native library
/// (a system 2.0.2 instead of the package's) is the first thing to rule out on a new machine.
/// </summary>
internal sealed class PrintVersionAction(string name) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(
            $"{name} {ProjectVersion()}, librdkafka {Confluent.Kafka.Library.VersionString}");
        return ExitCodes.Ok;
    }

    private static string ProjectVersion()
    {
        var version = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(PrintVersionAction).Assembly.GetName().Version?.ToString() ?? "unknown";
        // The SDK appends "+<full commit hash>"; seven characters identify the build.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;
    }
}
