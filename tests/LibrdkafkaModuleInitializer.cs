using System.Runtime.CompilerServices;

namespace Streaming.Tests;

/// <summary>
/// Linked into every test project (Directory.Build.targets): loads the package's librdkafka before any test can make
/// the first Kafka call, as the executables do at start.
/// </summary>
internal static class LibrdkafkaModuleInitializer
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "A test host has no Main to call it from.")]
    internal static void Load() => Streaming.Contracts.Kafka.LibrdkafkaLoader.EnsureLoaded();
}
