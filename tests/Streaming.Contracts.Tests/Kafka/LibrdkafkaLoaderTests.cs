using System.Text;
using Confluent.Kafka;
using FluentAssertions;
using Streaming.Contracts.Kafka;
using Xunit;

namespace Streaming.Contracts.Tests.Kafka;

/// <summary>
/// This test host loaded librdkafka through the module initializer: the package's 2.16.0, by path, and no other copy
/// (a system librdkafka, such as Debian's 2.0.2 when installed, must not be mapped beside it).
/// </summary>
public sealed class LibrdkafkaLoaderTests
{
    [Fact]
    public void ShouldBindConfluentKafkaToThePackagesLibrdkafka2160()
    {
        LibrdkafkaLoader.EnsureLoaded();

        Library.VersionString.Should().Be("2.16.0");
        LibrdkafkaLoader.LoadedPath.Should().StartWith(Path.Combine(AppContext.BaseDirectory, "runtimes"));
        Path.GetFileName(LibrdkafkaLoader.LoadedPath).Should().BeOneOf("librdkafka.so", "centos8-librdkafka.so");
    }

    [Fact]
    public void ShouldMapExactlyOneLibrdkafkaIntoTheProcessAfterAClientIsBuilt()
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = "127.0.0.1:1" }).Build();

        var mapped = File.ReadLines("/proc/self/maps", Encoding.UTF8)
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? line[slash..] : "")
            .Where(path => Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        mapped.Should().Equal(LibrdkafkaLoader.LoadedPath);
    }
}
