using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Avro.IO;
using Confluent.Kafka;
using FluentAssertions;
using Streaming.Contracts;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>
/// Hostile values appended to a clean generated input, through the dev broker and the built processor: each lands in
/// its <c>*.rejected</c> topic with its reason, conservation balances, and no record makes the process allocate what its
/// length prefixes claim (peak RSS within 100 MB of the same clean input's run).
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(4);
    private const long RssMarginBytes = 100L << 20;

    private readonly string _producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
    private readonly string _processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");

    private sealed record Hostile(string Name, string Topic, byte[] Value, string Reason, string Detail);

    [Fact]
    public async Task ShouldRejectEveryHostileRecordWithItsReasonWithinTheCleanRunsMemory()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var clean = "hc-" + id + ".";
        var hostile = "hh-" + id + ".";
        await GenerateAsync(clean);
        await GenerateAsync(hostile);
        var cases = HostileCases(hostile);
        var produced = await ProduceAsync(cases);

        var (cleanRun, cleanPeak) = await RunMeasuredAsync(clean);
        var (hostileRun, hostilePeak) = await RunMeasuredAsync(hostile);

        var rejected = ReadRejected(hostile + Topics.TripsRejected).Concat(ReadRejected(hostile + Topics.MessagesRejected))
            .ToDictionary(r => (r.SourceTopic, r.SourcePartition, r.SourceOffset));
        foreach (var (hostileCase, at) in cases.Zip(produced))
        {
            rejected.Should().ContainKey((hostileCase.Topic, at.Partition.Value, at.Offset.Value), hostileCase.Name);
            var record = rejected[(hostileCase.Topic, at.Partition.Value, at.Offset.Value)];
            record.Reason.Should().Be(hostileCase.Reason, hostileCase.Name);
            record.Detail.Should().Contain(hostileCase.Detail, hostileCase.Name);
            record.RawValue.Should().Equal(hostileCase.Value, hostileCase.Name);
        }
        // Beside the hostile records only the generator's own dirt is rejected: the same count as the clean run's.
        var cleanRejected = ReadRejected(clean + Topics.TripsRejected).Count + ReadRejected(clean + Topics.MessagesRejected).Count;
        rejected.Should().HaveCount(cleanRejected + cases.Count);
        var cleanCounts = Conservation(cleanRun, clean);
        var hostileCounts = Conservation(hostileRun, hostile);
        foreach (var topic in new[] { Topics.Trips, Topics.Messages })
        {
            var added = cases.Count(c => c.Topic == hostile + topic);
            hostileCounts[topic].Should().Be((cleanCounts[topic].In + added, cleanCounts[topic].Rejected + added, "ok"), topic);
            cleanCounts[topic].Balance.Should().Be("ok");
        }
        output.WriteLine($"peak RSS: clean run {cleanPeak >> 20} MB, hostile run {hostilePeak >> 20} MB");
        hostilePeak.Should().BeLessThan(cleanPeak + RssMarginBytes,
            $"peak RSS {hostilePeak >> 20} MB with the hostile records vs {cleanPeak >> 20} MB without");
    }

    private async Task GenerateAsync(string prefix)
    {
        var generated = await DevStackChild.RunAsync(_producer,
            ["generate", "--trips", "3000", "--messages", "600", "--days", "1", "--seed", "23", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);
    }

    /// <summary>Every hostile case, framed with the ids the generator registered for the prefixed topics.</summary>
    private static List<Hostile> HostileCases(string prefix)
    {
        var trips = prefix + Topics.Trips;
        var messages = prefix + Topics.Messages;
        var serdes = DevRegistry.Serdes;
        var trip = new TripEvent("hostile-trip", "Lisbon", 1_000, 2_000, 3.5, 9.25, "d-1", "r-1", "card");
        var valid = serdes.TripEvent.Serialize(trip, trips);
        var header = valid[..ConfluentWireFormat.HeaderSize];

        var magicOne = valid.ToArray();
        magicOne[0] = 1;
        var unknownId = valid.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(unknownId.AsSpan(1), int.MaxValue);
        var invalidUtf8 = Framed(header, e =>
        {
            e.WriteString("hostile-utf8");
            e.WriteBytes([0xC3, 0x28]); // city: a lead byte followed by a non-continuation byte
            e.WriteLong(1_000);
            e.WriteLong(2_000);
            e.WriteDouble(1);
            e.WriteDouble(1);
            for (var optional = 0; optional < 3; optional++)
            {
                e.WriteUnionIndex(0);
            }
        });
        var farFuture = trip with { TripId = "hostile-time", PickupTs = long.MaxValue, DropoffTs = long.MaxValue };
        var lateMessage = new MessageEvent("hostile-message", "emp-1", "emp-2", "hello", long.MaxValue);

        return
        [
            new("not the wire format", trips, Encoding.UTF8.GetBytes("not avro at all"), RejectReasons.Undecodable, "magic byte"),
            new("magic byte 0x01", trips, magicOne, RejectReasons.Undecodable, "magic byte"),
            new("unknown schema id", trips, unknownId, RejectReasons.UnknownSchema, $"{int.MaxValue}"),
            new("truncated", trips, valid[..^3], RejectReasons.Undecodable, "TripEvent"),
            new("1 GB string length", trips, Framed(header, e => e.WriteLong(1L << 30)), RejectReasons.Undecodable, "does not fit"),
            // TripEvent has no array: the varint 10^9 stands where trip_id's length is read, as a block count would.
            new("count of 10^9", trips, Framed(header, e => e.WriteLong(1_000_000_000)), RejectReasons.Undecodable, "does not fit"),
            new("trailing bytes", trips, [.. valid, 0, 0], RejectReasons.Undecodable, "trailing"),
            new("invalid UTF-8", trips, invalidUtf8, RejectReasons.Undecodable, "UTF-8"),
            // Beyond DateTime's range: the processor keeps epoch milliseconds as longs, so it is judged as a time.
            new("timestamp-millis beyond DateTime", trips, serdes.TripEvent.Serialize(farFuture, trips), RejectReasons.FutureTimestamp, "outside years 1-9999"),
            new("sent_at beyond DateTime", messages, serdes.MessageEvent.Serialize(lateMessage, messages), RejectReasons.FutureTimestamp, "outside years 1-9999"),
            new("message not the wire format", messages, [0, 0], RejectReasons.Undecodable, "fewer than"),
        ];
    }

    private static byte[] Framed(byte[] header, Action<BinaryEncoder> body)
    {
        using var stream = new MemoryStream();
        stream.Write(header);
        body(new BinaryEncoder(stream));
        return stream.ToArray();
    }

    /// <summary>Appends the cases round-robin over partitions, after the generated records (stream time is set there).</summary>
    private static async Task<List<TopicPartitionOffset>> ProduceAsync(List<Hostile> cases)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = DevStack.KafkaBootstrap }).Build();
        var reader = new TopicReader(DevStack.KafkaBootstrap);
        var positions = new List<TopicPartitionOffset>();
        for (var i = 0; i < cases.Count; i++)
        {
            var partition = i % reader.PartitionCount(cases[i].Topic);
            var result = await producer.ProduceAsync(new TopicPartition(cases[i].Topic, partition),
                new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes("hostile-" + i), Value = cases[i].Value });
            positions.Add(result.TopicPartitionOffset);
        }
        return positions;
    }

    /// <summary>A bounded at_least_once run, its stdout, and its peak resident set (VmHWM) sampled until it exits.</summary>
    private async Task<(string Stdout, long PeakRssBytes)> RunMeasuredAsync(string prefix)
    {
        var appId = prefix + "app";
        string[] topicArgs = ["--topic-prefix", prefix, "--app-id", appId];
        await DevStackChild.CreateTopicsAsync(_processor, topicArgs);
        using var run = DevStackChild.Start(_processor, ["run", "--until-end", "--guarantee", "at_least_once", .. topicArgs]);
        var peak = 0L;
        var exit = run.WaitForExitAsync(s_bound);
        while (!exit.IsCompleted)
        {
            peak = Math.Max(peak, PeakRss(run.Id));
            await Task.WhenAny(exit, Task.Delay(50));
        }
        (await exit).Should().Be(0, run.Tail(40));
        peak.Should().BePositive("VmHWM was read while the processor ran");
        return (run.Stdout, peak);
    }

    private static long PeakRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // exited between samples
        }
    }

    private static List<Rejected> ReadRejected(string topic) =>
        new TopicReader(DevStack.KafkaBootstrap).ReadAll(topic, TimeSpan.FromSeconds(60))
            .Select(r => DevRegistry.Serdes.Rejected.Deserialize(r.Value!)).ToList();

    /// <summary>The run summary's conservation rows by input topic without its prefix: in, rejected, balance.</summary>
    private static Dictionary<string, (long In, long Rejected, string Balance)> Conservation(string stdout, string prefix) =>
        stdout.Split('\n').SkipWhile(l => !l.StartsWith("Conservation", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.Trim().Length > 0)
            .Where(l => !l.TrimStart().StartsWith("rejected ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => f[0][prefix.Length..], f => (long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[5], CultureInfo.InvariantCulture), f[7]));
}
