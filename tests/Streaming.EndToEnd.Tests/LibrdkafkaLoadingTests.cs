using System.Text.RegularExpressions;
using Streaming.EndToEnd.Tests.Support;
using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests;

/// <summary>
/// Every executable loads librdkafka 2.16.0 from the librdkafka.redist package, whatever else is on the library search
/// path (Debian's librdkafka1 2.0.2 when installed, or a decoy), and fails with exit 2 and one sentence when it cannot.
/// </summary>
public sealed partial class LibrdkafkaLoadingTests
{
    public static TheoryData<string> Executables => new() { "producer", "processor", "sinks" };

    [Theory]
    [MemberData(nameof(Executables))]
    public async Task ShouldReportTheProjectVersionAndLibrdkafka2160EvenWithADecoyLibrdkafkaOnTheSearchPath(string name)
    {
        using var decoy = DecoyLibraryFolder.Create();

        var result = await ChildProcess.RunDllAsync(Dll(name), ["--version"],
            new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = decoy.Path }, TimeSpan.FromMinutes(1));

        result.ShouldSucceed();
        result.Stdout.Should().MatchRegex(VersionLine(name));
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldExitTwoNamingEveryFileTriedWhenNoLibrdkafkaLoads()
    {
        var copy = Path.Combine(Path.GetTempPath(), "streaming-norkafka-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            CopyDirectory(Path.GetDirectoryName(BuiltExecutables.Producer)!, copy);
            var native = Path.Combine(copy, "runtimes", "linux-x64", "native");
            foreach (var file in new[] { "librdkafka.so", "centos8-librdkafka.so" })
            {
                // A file that exists but is not a loadable library, as a corrupt or foreign build would be.
                await File.WriteAllBytesAsync(Path.Combine(native, file), [0x7f, (byte)'E', (byte)'L', (byte)'F']);
            }

            var result = await ChildProcess.RunDllAsync(Path.Combine(copy, "producer.dll"), ["--version"],
                new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

            result.ExitCode.Should().Be(2);
            result.Stdout.Should().BeEmpty();
            var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().ContainSingle();
            lines[0].Should().StartWith("producer: librdkafka could not be loaded: ")
                .And.Contain(Path.Combine(native, "librdkafka.so") + " (")
                .And.Contain(Path.Combine(native, "centos8-librdkafka.so") + " (")
                .And.NotContain(" at ");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task ShouldRunProducerProcessorAndSinksAgainstTheDevBroker()
    {
        var spec = new GenerateSpec(Trips: 300, Messages: 100, Start: "2025-09-01", Days: 1, Seed: 11, DupRate: 0.05, LateRate: 0.02, BadRate: 0.02);
        using var run = await PipelineRun.ExecuteAsync(spec);
        var environment = await DevStackEnvironment.EnsureUpAsync();
        var lake = Path.Combine(run.WorkDir, "lake");

        var sinks = (await ChildProcess.RunDllAsync(BuiltExecutables.Sinks,
            ["s3", "--topic", run.Prefix + "trips.clean", "--table", "trips", "--until-end", "--group-id", run.AppId + "-s3", "--destination", new Uri(lake).AbsoluteUri],
            environment, TimeSpan.FromMinutes(2))).ShouldSucceed();

        run.Outputs.TripsClean.Should().NotBeEmpty();
        sinks.Stdout.Should().Contain($"records={run.Outputs.TripsClean.Count} ");
        Directory.EnumerateFiles(lake, "*.parquet", SearchOption.AllDirectories).Should().NotBeEmpty();
    }

    private static string Dll(string name) => name switch
    {
        "producer" => BuiltExecutables.Producer,
        "processor" => BuiltExecutables.Processor,
        _ => BuiltExecutables.Sinks,
    };

    private static string VersionLine(string name) => $@"^{Regex.Escape(name)} \d+\.\d+\.\d+(\+[0-9a-f]{{7}})?, librdkafka 2\.16\.0\n$";

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A folder whose <c>librdkafka.so</c> and <c>librdkafka.so.1</c> are another library (zlib): found first by any
    /// search-path lookup of librdkafka, and unusable, so only a loader that binds by absolute path gets past it.
    /// </summary>
    private sealed class DecoyLibraryFolder : IDisposable
    {
        private DecoyLibraryFolder(string path) => Path = path;

        public string Path { get; }

        public static DecoyLibraryFolder Create()
        {
            var zlib = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/aarch64-linux-gnu/libz.so.1", "/lib/libz.so.1" }
                .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("no libz.so.1 found to serve as the decoy librdkafka");
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "streaming-decoy-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(path);
            File.Copy(zlib, System.IO.Path.Combine(path, "librdkafka.so"));
            File.Copy(zlib, System.IO.Path.Combine(path, "librdkafka.so.1"));
            return new DecoyLibraryFolder(path);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
