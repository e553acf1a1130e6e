using TempDirectory = Streaming.TestSupport.TempDirectory;
using System.Text;
using Confluent.Kafka;
using FluentAssertions;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Producer.Output;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

/// <summary>Against the dev Kafka (scripts/dev.sh up): what the producer sends is exactly the JSONL of the same seed.</summary>
public sealed class KafkaEndToEndTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(90);
    // The producer registers its schemas with the dev registry; these read the ids it wrote from the same registry.
    private static readonly AvroSerde<TripEvent> s_trips = Streaming.TestSupport.DevRegistry.Serdes.TripEvent;
    private static readonly AvroSerde<MessageEvent> s_messages = Streaming.TestSupport.DevRegistry.Serdes.MessageEvent;
    private readonly TempDirectory _dir = new();
    private readonly string _prefix = "ptest-" + Guid.NewGuid().ToString("N")[..12] + ".";

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ShouldSendEveryGeneratedEventEqualToTheJsonlOfTheSameSeedOnItsMurmur2Partition()
    {
        string[] common = ["generate", "--trips", "5000", "--messages", "1000", "--seed", "11", "--bad-rate", "0.03"];
        var file = await ProducerRunner.RunAsync([.. common, "--out", _dir.File("e.jsonl")]);
        file.ExitCode.Should().Be(0, file.Error);

        var kafka = await ProducerRunner.RunAsync([.. common, "--topic-prefix", _prefix], ProducerRunner.DevKafkaEnvironment());

        kafka.ExitCode.Should().Be(0, kafka.Error);
        var expected = EnvelopeLine.ReadAll(_dir.File("e.jsonl"));
        var summary = SummaryTableParser.Parse(kafka.Output);
        foreach (var stream in new[] { "trips", "messages" })
        {
            var topic = _prefix + stream;
            var lines = expected.Where(l => l.Topic == stream).ToList();
            var records = TopicReader.ReadExactly(topic, lines.Count, s_bound);
            var partitions = TopicReader.PartitionCount(topic, s_bound);
            partitions.Should().BeGreaterThan(1, "a single partition would not test the partitioner");

            // Every record sits on the partition Java's murmur2 picks for its key.
            records.Should().OnlyContain(r => r.Partition.Value == JavaMurmur2.Partition(r.Message.Key, partitions));

            // Per key, records arrive in the JSONL's order with equal content; all together they are the same multiset.
            var sentByKey = lines.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.ToList());
            var readByKey = records.GroupBy(r => Encoding.UTF8.GetString(r.Message.Key))
                .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Offset.Value).ToList());
            readByKey.Keys.Order(StringComparer.Ordinal).Should().Equal(sentByKey.Keys.Order(StringComparer.Ordinal));
            var kinds = new Dictionary<string, long>();
            foreach (var (key, sent) in sentByKey)
            {
                var read = readByKey[key];
                read.Should().HaveCount(sent.Count, key);
                for (var i = 0; i < sent.Count; i++)
                {
                    AssertSame(sent[i], read[i], stream);
                    kinds[sent[i].Kind] = kinds.GetValueOrDefault(sent[i].Kind) + 1;
                }
            }
            foreach (var kind in new[] { "clean", "duplicate", "late", "bad" })
            {
                summary[(kind, topic)].Should().Be(kinds.GetValueOrDefault(kind), $"{kind} {topic} in the summary");
            }
            kinds.Keys.Should().Contain(["clean", "duplicate", "late", "bad"]);
        }
    }

    [Fact]
    public async Task ShouldReplayCsvRowsToKafkaAndReportTheRejectedOnes()
    {
        var input = _dir.File("trips.csv");
        File.WriteAllText(input,
            "trip_id,city,pickup_ts,dropoff_ts,distance_km,fare,driver_id,rider_id,payment_type\n" +
            "r1,London,2025-09-01T08:00:00+01:00,2025-09-01T07:20:00Z,3.2,7.5,D1,,card\n" +
            "r2,Leeds,1756713600000,1756714200000,1.5,-4.25,,,\n" +
            "r3,Leeds,1756713600000,1756714200000,1.5,x,,,\n");
        var topic = _prefix + "trips";

        var result = await ProducerRunner.RunAsync(["replay-file", "--topic", topic, "--file", input, "--strict"], ProducerRunner.DevKafkaEnvironment());

        result.ExitCode.Should().Be(3, "one row was rejected under --strict");
        File.ReadAllLines(input + ".rejects").Should().Equal("line 4: TripEvent field 'fare' has value \"x\", expected a number.");
        var records = TopicReader.ReadExactly(topic, 2, s_bound);
        records.Select(r => s_trips.Deserialize(r.Message.Value)).OrderBy(t => t.TripId).Should().Equal(
            new TripEvent("r1", "London", 1756710000000, 1756711200000, 3.2, 7.5, "D1", null, "card"),
            new TripEvent("r2", "Leeds", 1756713600000, 1756714200000, 1.5, -4.25));
        records.Select(r => r.Message.Timestamp.UnixTimestampMs).Order().Should().Equal(1756710000000, 1756713600000);
    }

    private static void AssertSame(EnvelopeLine sent, ConsumeResult<byte[], byte[]> read, string stream)
    {
        var because = $"line {sent.Number} ({sent.Kind})";
        if (sent.RawValue is not null)
        {
            read.Message.Value.Should().Equal(sent.RawValue, because);
            return;
        }
        read.Message.Value[0].Should().Be(0, "Confluent magic byte");
        read.Message.Timestamp.UnixTimestampMs.Should().Be(sent.EventTime, because);
        if (stream == "trips")
        {
            s_trips.Deserialize(read.Message.Value).Should().Be(ContractJson.ReadTrip(sent.Value!.Value), because);
        }
        else
        {
            s_messages.Deserialize(read.Message.Value).Should().Be(ContractJson.ReadMessage(sent.Value!.Value), because);
        }
    }
}
