using Streaming.Contracts.Avro;

namespace Streaming.Contracts.Tests.Avro;

public sealed class CanonicalFormAndFingerprintTests
{
    // Inputs, canonical forms and CRC-64-AVRO fingerprints from the Avro specification's test data
    // (apache/avro share/test/data/schema-tests.txt).
    public static TheoryData<string, string, long?> SpecVectors => new()
    {
        { "\"null\"", "\"null\"", 7195948357588979594 },
        { "{\"type\":\"null\"}", "\"null\"", null },
        { "\"boolean\"", "\"boolean\"", -6970731678124411036 },
        { "{\"type\":\"boolean\"}", "\"boolean\"", null },
        { "\"int\"", "\"int\"", 8247732601305521295 },
        { "\"long\"", "\"long\"", -3434872931120570953 },
        { "\"float\"", "\"float\"", 5583340709985441680 },
        { "\"double\"", "\"double\"", -8181574048448539266 },
        { "\"bytes\"", "\"bytes\"", 5746618253357095269 },
        { "\"string\"", "\"string\"", -8142146995180207161 },
        { "[  ]", "[]", -1241056759729112623 },
        { "[ \"int\"  ]", "[\"int\"]", -5232228896498058493 },
        { "[ \"int\" , {\"type\":\"boolean\"} ]", "[\"int\",\"boolean\"]", 5392556393470105090 },
        { "{\"fields\":[], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922 },
        { "{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"namespace\":\"x.y\"}", "{\"name\":\"x.y.foo\",\"type\":\"record\",\"fields\":[]}", 5916914534497305771 },
        { "{\"fields\":[], \"type\":\"record\", \"name\":\"a.b.foo\", \"namespace\":\"x.y\"}", "{\"name\":\"a.b.foo\",\"type\":\"record\",\"fields\":[]}", -4616218487480524110 },
        { "{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"doc\":\"Useful info\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922 },
        { "{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"aliases\":[\"foo\",\"bar\"]}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922 },
        { "{\"fields\":[{\"type\":{\"type\":\"boolean\"}, \"name\":\"f1\"}], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[{\"name\":\"f1\",\"type\":\"boolean\"}]}", 7843277075252814651 },
        { "{ \"fields\":[{\"type\":\"boolean\", \"aliases\":[], \"name\":\"f1\", \"default\":\"true\"},\n {\"order\":\"descending\",\"name\":\"f2\",\"doc\":\"Hello\",\"type\":\"int\"}],\n \"type\":\"record\", \"name\":\"foo\"\n}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[{\"name\":\"f1\",\"type\":\"boolean\"},{\"name\":\"f2\",\"type\":\"int\"}]}", -4860222112080293046 },
        { "{\"type\":\"enum\", \"name\":\"foo\", \"symbols\":[\"A1\"]}", "{\"name\":\"foo\",\"type\":\"enum\",\"symbols\":[\"A1\"]}", -6342190197741309591 },
        { "{\"namespace\":\"x.y.z\", \"type\":\"enum\", \"name\":\"foo\", \"doc\":\"foo bar\", \"symbols\":[\"A1\", \"A2\"]}", "{\"name\":\"x.y.z.foo\",\"type\":\"enum\",\"symbols\":[\"A1\",\"A2\"]}", -4448647247586288245 },
        { "{\"name\":\"foo\",\"type\":\"fixed\",\"size\":15}", "{\"name\":\"foo\",\"type\":\"fixed\",\"size\":15}", 1756455273707447556 },
        { "{\"namespace\":\"x.y.z\", \"type\":\"fixed\", \"name\":\"foo\", \"doc\":\"foo bar\", \"size\":32}", "{\"name\":\"x.y.z.foo\",\"type\":\"fixed\",\"size\":32}", -3064184465700546786 },
        { "{ \"items\":{\"type\":\"null\"}, \"type\":\"array\"}", "{\"type\":\"array\",\"items\":\"null\"}", -589620603366471059 },
        { "{ \"values\":\"string\", \"type\":\"map\"}", "{\"type\":\"map\",\"values\":\"string\"}", -8732877298790414990 },
        { "{\"name\":\"PigValue\",\"type\":\"record\",\n \"fields\":[{\"name\":\"value\", \"type\":[\"null\", \"int\", \"long\", \"PigValue\"]}]}", "{\"name\":\"PigValue\",\"type\":\"record\",\"fields\":[{\"name\":\"value\",\"type\":[\"null\",\"int\",\"long\",\"PigValue\"]}]}", -1759257747318642341 },
    };

    [Theory]
    [MemberData(nameof(SpecVectors))]
    public void ShouldMatchSpecCanonicalFormAndFingerprint(string input, string canonical, long? fingerprint)
    {
        var schema = AvroSchemaParser.Parse(input);

        schema.CanonicalForm.Should().Be(canonical);
        if (fingerprint is { } expected)
        {
            schema.Fingerprint.Should().Be(expected);
        }
    }

    [Fact]
    public void ShouldFingerprintEmptyInputAsTheSeed()
    {
        Crc64Avro.Fingerprint(ReadOnlySpan<byte>.Empty).Should().Be(unchecked((long)0xc15d213aa4d7a795UL));
    }

    [Fact]
    public void ShouldDropLogicalTypeAndDefaultsFromCanonicalForm()
    {
        var schema = AvroSchemaParser.Parse("""
            {"type":"record","name":"R","namespace":"n","doc":"d","fields":[
              {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"x"},
              {"name":"o","type":["null","string"],"default":null}]}
            """);

        schema.CanonicalForm.Should().Be("""{"name":"n.R","type":"record","fields":[{"name":"ts","type":"long"},{"name":"o","type":["null","string"]}]}""");
    }
}
