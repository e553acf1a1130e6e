using System.Text;
using Avro.IO;
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

    [Fact]
    public async Task ShouldRejectHostileValuesWithTheirReasonsWithoutAllocatingWhatTheyClaim()
    {
        await using var schema = await TestSchema.CreateAsync("hostile");
        var topics = TestTopics.Create();
        using var writer = new TopicWriter();
        var key = Encoding.UTF8.GetBytes("emp-007");
        var good = TestData.Flagged(2, seed: 9);
        var serde = DevRegistry.Serdes.FlaggedMessage;
        var valid = serde.Serialize(good[0], topics.Flagged);
        var header = valid[..ConfluentWireFormat.HeaderSize];
        var magicOne = valid.ToArray();
        magicOne[0] = 1;
        var unknownId = valid.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(unknownId.AsSpan(1), int.MaxValue);
        (string Name, byte[] Value, string Reason, string Detail)[] cases =
        [
            ("not the wire format", [7, 7], RejectReasons.Undecodable, "fewer than"),
            ("magic byte 0x01", magicOne, RejectReasons.Undecodable, "magic byte"),
            ("unknown schema id", unknownId, RejectReasons.UnknownSchema, $"{int.MaxValue}"),
            ("truncated", valid[..^2], RejectReasons.Undecodable, "FlaggedMessage"),
            ("1 GB string length", Framed(header, e => e.WriteLong(1L << 30)), RejectReasons.Undecodable, "does not fit"),
            ("array block count of 10^9", Framed(header, e =>
            {
                foreach (var field in new[] { "m", "s", "r", "t" })
                {
                    e.WriteString(field);
                }
                e.WriteLong(1);
                e.WriteArrayStart();
                e.SetItemCount(1_000_000_000);
            }), RejectReasons.Undecodable, "does not fit"),
            ("trailing bytes", [.. valid, 0], RejectReasons.Undecodable, "trailing"),
            ("invalid UTF-8", Framed(header, e => e.WriteBytes([0xC3, 0x28])), RejectReasons.Undecodable, "UTF-8"),
            ("sent_at beyond timestamptz", serde.Serialize(good[0] with { MessageId = "far", SentAt = long.MaxValue }, topics.Flagged), RejectReasons.Undecodable, "sent_at"),
        ];
        var before = RejectedTopicReader.Snapshot();
        await writer.ProduceRawAsync(topics.Flagged, key, valid);
        var offsets = new List<long>();
        foreach (var hostile in cases)
        {
            offsets.Add((await writer.ProduceRawAsync(topics.Flagged, key, hostile.Value)).Offset);
        }
        await writer.ProduceRawAsync(topics.Flagged, key, serde.Serialize(good[1], topics.Flagged));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var (code, summary) = await InProcessSink.RunUntilEndAsync(schema, [topics.Flagged], "hostile");

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        code.Should().Be(0);
        summary.Should().Contain($"records={cases.Length + 2} rows=2 ").And.Contain($"rejected={cases.Length}");
        (await TableReader.FlaggedAsync(schema)).Values.Should().BeEquivalentTo(good);
        var rejected = RejectedTopicReader.ReadSince(before, topics.Flagged).Select(r => r.Value).ToDictionary(r => r.SourceOffset);
        rejected.Should().HaveCount(cases.Length);
        foreach (var (hostile, offset) in cases.Zip(offsets))
        {
            rejected[offset].Reason.Should().Be(hostile.Reason, hostile.Name);
            rejected[offset].Detail.Should().Contain(hostile.Detail, hostile.Name);
            rejected[offset].RawValue.Should().Equal(hostile.Value, hostile.Name);
        }
        // Apache.Avro alone allocates about 1 GB for the string length and 7.6 GB for the block count (DESIGN §2).
        allocated.Should().BeLessThan(200L << 20, "the whole run, Kafka client included, allocated {0} MB", allocated >> 20);
    }

    private static byte[] Framed(byte[] header, Action<BinaryEncoder> body)
    {
        using var stream = new MemoryStream();
        stream.Write(header);
        body(new BinaryEncoder(stream));
        return stream.ToArray();
    }
}
