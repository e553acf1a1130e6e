using TempDirectory = Streaming.TestSupport.TempDirectory;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

/// <summary>
/// The reference data set, generated once per test class that uses it:
/// <c>generate --trips 100000 --messages 20000 --seed 42 --out a.jsonl</c> (in-process, default dirt rates).
/// </summary>
public sealed class GeneratedDataFixture : IAsyncLifetime
{
    public const int Trips = 100_000;
    public const int Messages = 20_000;
    public const long Start = 1_756_684_800_000; // 2025-09-01T00:00:00Z
    public const long Days = 14;

    private readonly TempDirectory _directory = new();

    internal static string[] Arguments(string outPath) =>
        ["generate", "--trips", "100000", "--messages", "20000", "--seed", "42", "--out", outPath];

    public string FilePath => _directory.File("a.jsonl");

    public string TempPath => _directory.Path;

    internal CliResult Result { get; private set; } = null!;

    internal List<EnvelopeLine> Lines { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Result = await ProducerRunner.RunAsync(Arguments(FilePath));
        if (Result.ExitCode != 0)
        {
            throw new InvalidOperationException($"generate failed with exit {Result.ExitCode}: {Result.Error}");
        }
        Lines = EnvelopeLine.ReadAll(FilePath);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
