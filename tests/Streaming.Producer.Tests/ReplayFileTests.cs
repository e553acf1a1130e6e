using TempDirectory = Streaming.TestSupport.TempDirectory;
using FluentAssertions;
using Streaming.Producer.Tests.Support;
using Xunit;

namespace Streaming.Producer.Tests;

public sealed class ReplayFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ShouldReadCsvWithIsoOffsetsEpochMillisQuotedFieldsAndEmptyOrAbsentOptionals()
    {
        var input = Write("trips.csv",
            "trip_id,city,pickup_ts,dropoff_ts,distance_km,fare,driver_id,payment_type\n" +
            "a1,London,2025-09-01T08:00:00+01:00,2025-09-01T07:20:00Z,3.2,7.5,D1,card\n" +
            "a2,Leeds,1756713600000,1756714200000,1.5,4.25,,\n" +
            "a3,\"Glasgow, Scotland\",2025-09-01T09:00:00,2025-09-01T09:10:00.250Z,2,5,\"D\"\"9\",\n");

        var result = await ProducerRunner.RunAsync(["replay-file", "--topic", "trips", "--file", input, "--out", _dir.File("out.jsonl")]);

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllLines(_dir.File("out.jsonl")).Should().Equal(
            """{"topic":"trips","key":"a1","kind":"clean","value":{"trip_id":"a1","city":"London","pickup_ts":1756710000000,"dropoff_ts":1756711200000,"distance_km":3.2,"fare":7.5,"driver_id":"D1","payment_type":"card"}}""",
            """{"topic":"trips","key":"a2","kind":"clean","value":{"trip_id":"a2","city":"Leeds","pickup_ts":1756713600000,"dropoff_ts":1756714200000,"distance_km":1.5,"fare":4.25}}""",
            """{"topic":"trips","key":"a3","kind":"clean","value":{"trip_id":"a3","city":"Glasgow, Scotland","pickup_ts":1756717200000,"dropoff_ts":1756717800250,"distance_km":2,"fare":5,"driver_id":"D\"9"}}""");
        File.Exists(input + ".rejects").Should().BeFalse();
        result.Output.Should().Contain("3 sent, 0 rejected");
    }

    [Fact]
    public async Task ShouldReadJsonlValuesWithTimestampsAsNumbersOrIsoTextAndOptionalsEmptyNullOrAbsent()
    {
        var input = Write("trips.jsonl",
            """{"trip_id":"j1","city":"Bristol","pickup_ts":"2025-09-01T10:00:00-02:00","dropoff_ts":1756728600000,"distance_km":"2.5","fare":6.1,"driver_id":"","rider_id":null}""" + "\n" +
            "\n" +
            """{"trip_id":"j2","city":"Watford","pickup_ts":"1756713600000","dropoff_ts":"2025-09-01T08:30:00Z","distance_km":4,"fare":8,"payment_type":"cash","unknown":1}""" + "\n");

        var result = await ProducerRunner.RunAsync(["replay-file", "--topic", "trips", "--file", input, "--out", _dir.File("out.jsonl")]);

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllLines(_dir.File("out.jsonl")).Should().Equal(
            """{"topic":"trips","key":"j1","kind":"clean","value":{"trip_id":"j1","city":"Bristol","pickup_ts":1756728000000,"dropoff_ts":1756728600000,"distance_km":2.5,"fare":6.1}}""",
            """{"topic":"trips","key":"j2","kind":"clean","value":{"trip_id":"j2","city":"Watford","pickup_ts":1756713600000,"dropoff_ts":1756715400000,"distance_km":4,"fare":8,"payment_type":"cash"}}""");
    }

    [Fact]
    public async Task ShouldWriteRowsThatCannotBeEncodedToTheRejectsFileWithLineNumbersAndSendTheRest()
    {
        var input = Write("messages.csv",
            "message_id,sender_id,receiver_id,text,sent_at\n" +
            "m1,emp-001,emp-002,\"Hello, \"\"team\"\"\nsee you\",2025-09-01T09:00:00Z\n" +
            "m2,emp-001,emp-003,,2025-09-01T09:01:00Z\n" +
            "m3,emp-002,emp-001,fine,yesterday\n" +
            "m4,emp-002,emp-001,ok,1756717200000,surplus\n" +
            "m5,emp-004,emp-001,last one,1756717260000\n");

        var lenient = await ProducerRunner.RunAsync(["replay-file", "--topic", "e2e.messages", "--file", input, "--out", _dir.File("out.jsonl")]);
        var strict = await ProducerRunner.RunAsync(["replay-file", "--topic", "e2e.messages", "--file", input, "--out", _dir.File("out2.jsonl"), "--strict"]);

        lenient.ExitCode.Should().Be(0, lenient.Error);
        strict.ExitCode.Should().Be(3);
        strict.ErrorLines.Should().ContainSingle().Which.Should().Contain("3 rows rejected").And.Contain(input + ".rejects");
        File.ReadAllLines(input + ".rejects").Should().Equal(
            "line 4: required field 'text' is empty",
            "line 5: MessageEvent field 'sent_at' has value \"yesterday\", expected epoch milliseconds or an ISO-8601 timestamp.",
            "line 6: row has 6 fields, the header 5");
        var sent = EnvelopeLine.ReadAll(_dir.File("out2.jsonl"));
        sent.Select(l => l.Id).Should().Equal("m1", "m5");
        sent[0].Field("text").Should().Be("Hello, \"team\"\nsee you");
        sent[0].Key.Should().Be("emp-001");
        strict.Output.Should().Contain("5 rows").And.Contain("2 sent, 3 rejected");
        SummaryTableParser.Parse(strict.Output)[("clean", "messages")].Should().Be(2);
    }

    [Fact]
    public async Task ShouldRejectMalformedJsonLinesWithTheirLineNumbers()
    {
        var input = Write("bad.jsonl",
            """{"trip_id":"ok","city":"Leeds","pickup_ts":1,"dropoff_ts":2,"distance_km":1,"fare":1}""" + "\n" +
            "{not json\n" +
            """{"trip_id":"x","pickup_ts":1,"dropoff_ts":2,"distance_km":1,"fare":1}""" + "\n" +
            "[1,2]\n" +
            """{"trip_id":"y","city":"Leeds","pickup_ts":1,"dropoff_ts":2,"distance_km":1,"fare":"NaN"}""" + "\n");

        var result = await ProducerRunner.RunAsync(["replay-file", "--topic", "trips", "--file", input, "--out", _dir.File("out.jsonl"), "--strict"]);

        result.ExitCode.Should().Be(3);
        var rejects = File.ReadAllLines(input + ".rejects");
        rejects.Select(r => r[..r.IndexOf(':')]).Should().Equal("line 2", "line 3", "line 4", "line 5");
        rejects[1].Should().Contain("'city' is missing");
        rejects[3].Should().Contain("'fare'").And.Contain("finite");
        EnvelopeLine.ReadAll(_dir.File("out.jsonl")).Select(l => l.Id).Should().Equal("ok");
    }

    [Fact]
    public async Task ShouldReplayGenerateEnvelopesOfItsStreamUnchangedAndSkipTheOtherStream()
    {
        var generated = _dir.File("gen.jsonl");
        (await ProducerRunner.RunAsync(["generate", "--trips", "3000", "--messages", "600", "--seed", "3", "--bad-rate", "0.05", "--out", generated])).ExitCode.Should().Be(0);
        var lines = File.ReadAllLines(generated);

        var result = await ProducerRunner.RunAsync(["replay-file", "--topic", "trips", "--file", generated, "--out", _dir.File("replayed.jsonl")]);

        result.ExitCode.Should().Be(0, result.Error);
        var tripLines = lines.Where(l => l.StartsWith("{\"topic\":\"trips\"", StringComparison.Ordinal)).ToList();
        File.ReadAllLines(_dir.File("replayed.jsonl")).Should().Equal(tripLines, "kind, reason, raw bytes and values survive a replay");
        result.Output.Should().Contain($"{lines.Length - tripLines.Count} skipped");
        tripLines.Should().Contain(l => l.Contains("raw_value_base64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShouldFailWithUsageErrorWhenTheCsvHeaderLacksARequiredColumn()
    {
        var input = Write("short.csv", "trip_id,city,pickup_ts\nx,Leeds,1\n");

        var result = await ProducerRunner.RunAsync(["replay-file", "--topic", "trips", "--file", input, "--out", _dir.File("out.jsonl")]);

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("lacks required column(s) dropoff_ts, distance_km, fare");
        File.Exists(_dir.File("out.jsonl")).Should().BeFalse("nothing is sent when the header is wrong");
    }

    private string Write(string name, string content)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, content);
        return path;
    }
}
