using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>
/// The built producer and processor dlls, run as child processes. The configuration (Debug/Release) follows this test
/// assembly's, falling back to the other one; scripts/test.sh builds the solution in Debug first.
/// </summary>
public static class BuiltExecutables
{
    public static string Producer => Find(Path.Combine("producer", "Streaming.Producer"), "producer.dll");

    public static string Processor => Find(Path.Combine("processor", "Streaming.Processor"), "processor.dll");

    private static string Find(string projectDir, string dll)
    {
        var own = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var other = own == "Debug" ? "Release" : "Debug";
        foreach (var config in new[] { own, other })
        {
            var path = RepoPaths.Combine(projectDir, "bin", config, "net10.0", dll);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException(
            $"{dll} is not built: neither {projectDir}/bin/{own}/net10.0/{dll} nor the {other} build exists. Build the solution first ('dotnet build Streaming.sln' or scripts/test.sh).");
    }
}
