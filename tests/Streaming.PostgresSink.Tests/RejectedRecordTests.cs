using System.Text;
using FluentAssertions;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Xunit;

using Streaming.TestSupport;

namespace Streaming.PostgresSink.Tests;

/// <summary>Undecodable input goes to sink.rejected with a reason and the sink carries on.</summary>
public sealed class RejectedRecordTests
{
    [Fact]
    public async Task ShouldPublishUndecodableRecordsToSinkRejectedAndWriteTheRest()
    {
        await using var schema = await TestSchema.CreateAsync("reject");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var key = Encoding.UTF8.GetBytes("emp-001");
        var good = TestData.Flagged(2, seed: 5);
        var serde = DevRegistry.Serdes.FlaggedMessage;
        var goodBytes = good.Select(m => serde.Serialize(m, topics.Flagged)).ToList();
        var garbage = Encoding.UTF8.GetBytes("this is not avro");
        var truncated = goodBytes[1][..^4];
        var before = RejectedTopicReader.Snapshot();

        var first = await writer.ProduceRawAsync(topics.Flagged, key, goodBytes[0]);
        var bad1 = await writer.ProduceRawAsync(topics.Flagged, key, garbage);
        var bad2 = await writer.ProduceRawAsync(topics.Flagged, key, truncated);
        var last = await writer.ProduceRawAsync(topics.Flagged, key, goodBytes[1]);
        var (code, summary) = await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "reject");

        code.Should().Be(0);
        summary.Should().Contain("records=4 rows=2 ").And.Contain("rejected=2");
        (await TableReader.FlaggedAsync(schema)).Values.Should().BeEquivalentTo(good);
        (await TableReader.SinkOffsetsAsync(schema, "reject")).Should().Equal(new Dictionary<(string, int), long> { [(topics.Flagged, last.Partition)] = last.Offset + 1 });
        var rejected = RejectedTopicReader.ReadSince(before, topics.Flagged);
        rejected.Should().HaveCount(2);
        rejected.Select(r => r.Key).Should().AllSatisfy(k => k.Should().Equal(key));
        var byOffset = rejected.Select(r => r.Value).OrderBy(r => r.SourceOffset).ToList();
        byOffset[0].Should().BeEquivalentTo(new { SourceTopic = topics.Flagged, SourcePartition = bad1.Partition, SourceOffset = bad1.Offset, Reason = RejectReasons.Undecodable });
        byOffset[0].Detail.Should().Contain("magic byte");
        byOffset[0].RawValue.Should().Equal(garbage);
        byOffset[1].Should().BeEquivalentTo(new { SourceTopic = topics.Flagged, SourceOffset = bad2.Offset, Reason = RejectReasons.Undecodable });
        byOffset[1].Detail.Should().Contain("FlaggedMessage");
        byOffset[1].RawValue.Should().Equal(truncated);
        first.Offset.Should().Be(bad1.Offset - 1);
    }

    [Fact]
    public async Task ShouldNotRejectAgainWhenRestartedAfterARejection()
    {
        await using var schema = await TestSchema.CreateAsync("rerun");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        // Schema id 2^31-1 is never registered, so the reason is unknown_schema whatever ids earlier tests registered.
        await writer.ProduceRawAsync(topics.StrikeStatus, Encoding.UTF8.GetBytes("emp-9"), [0, 0x7f, 0xff, 0xff, 0xff, 0xff]);
        var before = RejectedTopicReader.Snapshot();

        var firstRun = await InProcessSink.RunUntilEndAsync(schema, [topics.StrikeStatus], "rerun");
        var secondRun = await InProcessSink.RunUntilEndAsync(schema, [topics.StrikeStatus], "rerun");

        firstRun.Summary.Should().Contain("records=1 rows=0 ").And.Contain("rejected=1");
        secondRun.Summary.Should().Contain("records=0 rows=0 ").And.Contain("rejected=0");
        RejectedTopicReader.ReadSince(before, topics.StrikeStatus).Select(r => r.Value.Reason).Should().Equal(RejectReasons.UnknownSchema);
    }
}
