using TempDirectory = Streaming.TestSupport.TempDirectory;
using System.Security.Cryptography;
using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class GenerateDeterminismTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    [Fact]
    public async Task ShouldWriteByteIdenticalFilesWhenTheReferenceRunIsRepeatedInAnotherProcess()
    {
        var second = Path.Combine(data.TempPath, "b.jsonl");

        var result = await ProducerRunner.RunProcessAsync(data.TempPath, GeneratedDataFixture.Arguments(second));

        result.ExitCode.Should().Be(0, result.Error);
        var first = await File.ReadAllBytesAsync(data.FilePath);
        var again = await File.ReadAllBytesAsync(second);
        again.Length.Should().Be(first.Length);
        SHA256.HashData(again).Should().Equal(SHA256.HashData(first));
        data.Lines.Count.Should().BeGreaterThan(GeneratedDataFixture.Trips + GeneratedDataFixture.Messages);
    }

    [Fact]
    public async Task ShouldWriteDifferentDataForADifferentSeed()
    {
        using var dir = new TempDirectory("producer-tests");
        (await ProducerRunner.RunAsync(["generate", "--trips", "500", "--messages", "100", "--seed", "1", "--out", dir.File("s1.jsonl")])).ExitCode.Should().Be(0);
        (await ProducerRunner.RunAsync(["generate", "--trips", "500", "--messages", "100", "--seed", "2", "--out", dir.File("s2.jsonl")])).ExitCode.Should().Be(0);

        var one = EnvelopeLine.ReadAll(dir.File("s1.jsonl"));
        var two = EnvelopeLine.ReadAll(dir.File("s2.jsonl"));

        one.Select(l => l.Key).Should().NotIntersectWith(two.Select(l => l.Key).Where(k => k.StartsWith('t')), "trip ids carry the seed");
        one.Where(l => l.Topic == "trips" && l.Value is not null).Select(l => l.Field("fare"))
            .Should().NotEqual(two.Where(l => l.Topic == "trips" && l.Value is not null).Select(l => l.Field("fare")));
    }

    [Fact]
    public async Task ShouldKeepTheTripsOfASeedWhenOnlyTheMessageCountChanges()
    {
        using var dir = new TempDirectory("producer-tests");
        (await ProducerRunner.RunAsync(["generate", "--trips", "2000", "--seed", "9", "--out", dir.File("t.jsonl")])).ExitCode.Should().Be(0);
        (await ProducerRunner.RunAsync(["generate", "--trips", "2000", "--messages", "700", "--seed", "9", "--out", dir.File("tm.jsonl")])).ExitCode.Should().Be(0);

        var tripsOnly = File.ReadAllLines(dir.File("t.jsonl"));
        var mixed = File.ReadAllLines(dir.File("tm.jsonl"));

        mixed.Where(l => l.StartsWith("{\"topic\":\"trips\"", StringComparison.Ordinal)).Should().Equal(tripsOnly);
        mixed.Count(l => l.StartsWith("{\"topic\":\"messages\"", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(700);
    }
}
