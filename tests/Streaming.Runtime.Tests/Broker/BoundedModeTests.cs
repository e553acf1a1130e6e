using Confluent.Kafka;
using FluentAssertions;
using Streaming.Runtime.Tests.Support;
using Xunit;

namespace Streaming.Runtime.Tests.Broker;

[Collection("broker")]
public sealed class BoundedModeTests
{
    [Fact]
    public async Task ShouldEmitEveryWindowAndExitZeroInBoundedMode()
    {
        var input = KafkaTestData.Unique("rt-bounded-in");
        var output = KafkaTestData.Unique("rt-bounded-out");
        var inputs = DeterminismWorkload.Generate(seed: 11, fastCount: 300, slowCount: 60);
        KafkaTestData.EnsureTopic(input);
        KafkaTestData.Produce(input, inputs.Select(i => ((int?)i.Partition, i.Key, i.Value, i.Timestamp)), Serializers.Utf8, Serializers.Int64);
        var expected = DeterminismWorkload.Expected(inputs, TimeSpan.FromMinutes(10), DeterminismWorkload.WindowMs);

        using var app = TestAppProcess.Start("--topology", "windows", "--app-id", KafkaTestData.Unique("rt-bounded"), "--input", input, "--output", output, "--until-end", "--mock-broker");
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(90));

        exit.Should().Be(0, app.Tail(30));
        app.Log.Should().Contain("bounded run complete");
        var windows = KafkaTestData.ReadAll(output, Deserializers.Utf8, Deserializers.Utf8).Select(r => new KeyValuePair<string, string>(r.Message.Key, r.Message.Value));
        var late = KafkaTestData.ReadAll(output + ".late", Deserializers.Utf8, Deserializers.Utf8).OrderBy(r => r.Message.Timestamp.UnixTimestampMs).Select(r => (r.Message.Key, r.Message.Value));
        var actual = DeterminismWorkload.Outcome.From(windows, late);
        actual.Windows.Should().BeEquivalentTo(expected.Windows);
        actual.Late.Should().BeEquivalentTo(expected.Late);
    }
}
