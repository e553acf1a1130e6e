using FluentAssertions;
using Streaming.Sinks.S3;
using Xunit;

namespace Streaming.S3Sink.Tests;

public sealed class PartitionerTests
{
    private static long At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData("2025-09-01T00:00:00.000Z", "dt=2025-09-01/hour=00")]
    [InlineData("2025-09-01T00:59:59.999Z", "dt=2025-09-01/hour=00")]
    [InlineData("2025-09-01T01:00:00.000Z", "dt=2025-09-01/hour=01")]
    [InlineData("2025-09-01T23:59:59.999Z", "dt=2025-09-01/hour=23")]
    [InlineData("2025-09-02T00:00:00.000Z", "dt=2025-09-02/hour=00")]
    [InlineData("2025-09-01T02:30:00.000+02:00", "dt=2025-09-01/hour=00")]
    [InlineData("1969-12-31T23:30:00.000Z", "dt=1969-12-31/hour=23")]
    public void ShouldEncodeHourOfEventTimeInUtc(string eventTime, string expected)
    {
        HourlyPartitioner.Instance.EncodePartition(At(eventTime)).Should().Be(expected);
    }

    [Fact]
    public void ShouldPutHourBoundsAtWholeHours()
    {
        var p = HourlyPartitioner.Instance;
        p.PartitionStart(At("2025-09-01T05:59:59.999Z")).Should().Be(At("2025-09-01T05:00:00Z"));
        p.PartitionStart(At("2025-09-01T06:00:00Z")).Should().Be(At("2025-09-01T06:00:00Z"));
        p.PartitionEnd(At("2025-09-01T06:00:00Z")).Should().Be(At("2025-09-01T07:00:00Z"));
        p.PartitionStart(-1).Should().Be(-3_600_000);
    }

    [Theory]
    [InlineData("../../x", "..%2F..%2Fx")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("line\nbreak\u0000", "line%0Abreak%00")]
    [InlineData("São Paulo", "S%C3%A3o%20Paulo")]
    [InlineData("100%", "100%25")]
    [InlineData("dt=x", "dt%3Dx")]
    [InlineData("", PathSegment.NullValue)]
    [InlineData(null, PathSegment.NullValue)]
    [InlineData("New_York-1.b", "New_York-1.b")]
    public void ShouldSanitiseHostileValuesIntoOneSegment(string? value, string expected)
    {
        PathSegment.Encode(value).Should().Be(expected);
    }

    [Fact]
    public void ShouldNeverProduceSeparatorsOrDotSegmentsAndStayInjective()
    {
        var random = new Random(7);
        const string alphabet = "./\\%=ab\n\t\0 é😀+";
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 5000; i++)
        {
            var value = new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var encoded = PathSegment.Encode(value);
            encoded.Should().NotContain("/").And.NotContain("\\").And.NotBe(".").And.NotBe("..");
            encoded.All(c => c is >= (char)0x21 and < (char)0x7F).Should().BeTrue($"'{encoded}' is printable ASCII");
            if (seen.TryGetValue(encoded, out var other))
            {
                other.Should().Be(value, "two different values must not share a folder");
            }
            seen[encoded] = value;
        }
    }

    [Fact]
    public void ShouldKeepHostileTableAndTopicInsideTheTablePrefix()
    {
        var key = ObjectKeys.DataFile(HourlyPartitioner.Instance, "../../etc", "a/../b", 3, At("2025-09-01T07:15:00Z"), 42);
        key.Should().Be("..%2F..%2Fetc/dt=2025-09-01/hour=07/a%2F..%2Fb+3+00000000000000000042.parquet");
        key.Split('/').Should().HaveCount(4);
        var root = Path.Combine(Path.GetTempPath(), "s3sink-" + Guid.NewGuid().ToString("N"));
        Path.GetFullPath(Path.Combine(root, key)).Should().StartWith(root + Path.DirectorySeparatorChar);
    }

    [Fact]
    public async Task ShouldRefuseLocalKeysThatLeaveTheRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "s3sink-" + Guid.NewGuid().ToString("N"));
        var storage = new LocalFileStorage(root);
        var act = () => storage.PutBytesAsync("../escape.txt", new byte[] { 1 });
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*outside the destination root*");
        File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "escape.txt")).Should().BeFalse();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void ShouldNameObjectsByFirstOffsetWithTwentyDigits()
    {
        ObjectKeys.DataFile(HourlyPartitioner.Instance, "trips_clean", "trips.clean", 0, At("2025-09-01T23:00:00Z"), 1234567)
            .Should().Be("trips_clean/dt=2025-09-01/hour=23/trips.clean+0+00000000000001234567.parquet");
        ObjectKeys.Checkpoint("trips_clean", "trips.clean", 2, CheckpointSlot.A).Should().Be("trips_clean/_checkpoints/trips.clean+2.a.json");
        ObjectKeys.Checkpoint("trips_clean", "trips.clean", 2, CheckpointSlot.B).Should().Be("trips_clean/_checkpoints/trips.clean+2.b.json");
    }
}
