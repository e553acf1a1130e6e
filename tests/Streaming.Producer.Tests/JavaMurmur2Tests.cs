using System.Text;
using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class JavaMurmur2Tests
{
    // Vectors of Kafka's own UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java).
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void ShouldMatchKafkaUtilsMurmur2(string key, int expected) =>
        JavaMurmur2.Hash(Encoding.UTF8.GetBytes(key)).Should().Be(expected);

    [Fact]
    public void ShouldPickThePositiveHashModuloPartitions() =>
        // toPositive(-973932308) = 1173551340; 1173551340 % 4 = 0, % 6 = 0, % 7 = 3.
        new[] { 4, 6, 7 }.Select(n => JavaMurmur2.Partition("21"u8.ToArray(), n)).Should().Equal(0, 0, 3);
}
