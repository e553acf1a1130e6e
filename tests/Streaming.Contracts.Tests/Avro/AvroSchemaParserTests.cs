using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Schemas;

namespace Streaming.Contracts.Tests.Avro;

public sealed class AvroSchemaParserTests
{
    [Fact]
    public void ShouldParseEveryProjectSchemaAsANamedRecordInTheStreamingNamespace()
    {
        var names = AvroSchemaFiles.All.Take(8).Select(s => ((RecordSchema)AvroSchemaParser.Parse(s)).FullName);

        names.Should().Equal(
            "streaming.TripEvent", "streaming.MessageEvent", "streaming.CityHourly", "streaming.FlaggedMessage",
            "streaming.StrikeStatus", "streaming.Rejected", "streaming.TripLate", "streaming.MessageLate");
    }

    [Fact]
    public void ShouldEmbedTheSameTripAndMessageSchemasInTheLateRecords()
    {
        var tripLate = (RecordSchema)AvroCodecs.TripLate.Schema;
        var messageLate = (RecordSchema)AvroCodecs.MessageLate.Schema;

        tripLate.GetField("trip")!.Schema.CanonicalForm.Should().Be(AvroCodecs.TripEvent.Schema.CanonicalForm);
        messageLate.GetField("message")!.Schema.CanonicalForm.Should().Be(AvroCodecs.MessageEvent.Schema.CanonicalForm);
        ((EnumSchema)tripLate.GetField("reason")!.Schema).Symbols.Should().Equal("window_closed", "beyond_dedup_horizon");
    }

    [Fact]
    public void ShouldKeepTimestampMillisLogicalTypeOnTimestampFields()
    {
        var trip = (RecordSchema)AvroCodecs.TripEvent.Schema;

        trip.GetField("pickup_ts")!.Schema.LogicalType.Should().Be("timestamp-millis");
        trip.GetField("pickup_ts")!.Schema.Type.Should().Be(AvroType.Long);
        trip.GetField("driver_id")!.Default!.Value.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void ShouldResolveShortNamesInTheEnclosingNamespaceAndFullNamesAnywhere()
    {
        var schema = (RecordSchema)AvroSchemaParser.Parse("""
            {"type":"record","name":"Outer","namespace":"a.b","fields":[
              {"name":"e","type":{"type":"enum","name":"E","symbols":["X"]}},
              {"name":"e2","type":"E"},
              {"name":"e3","type":"a.b.E"},
              {"name":"inner","type":{"type":"record","name":"c.Inner","fields":[{"name":"self","type":["null","Inner"]}]}},
              {"name":"other","type":{"type":"fixed","name":"F","namespace":"","size":2}},
              {"name":"f2","type":"F"}]}
            """);

        schema.GetField("e2")!.Schema.Should().BeSameAs(schema.GetField("e")!.Schema);
        schema.GetField("e3")!.Schema.Should().BeSameAs(schema.GetField("e")!.Schema);
        var inner = (RecordSchema)schema.GetField("inner")!.Schema;
        inner.FullName.Should().Be("c.Inner");
        ((UnionSchema)inner.GetField("self")!.Schema).Branches[1].Should().BeSameAs(inner);
        ((FixedSchema)schema.GetField("other")!.Schema).FullName.Should().Be("F");
        schema.GetField("f2")!.Schema.Should().BeSameAs(schema.GetField("other")!.Schema);
    }

    [Theory]
    [InlineData("\"Nope\"", "'Nope'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"a\",\"type\":\"int\"}]}", "field 'a' twice")]
    [InlineData("{\"type\":\"record\",\"name\":\"1R\",\"fields\":[]}", "'1R' is not a valid record name")]
    [InlineData("[\"int\",[\"null\"]]", "union may not immediately contain another union")]
    [InlineData("[\"int\",\"int\"]", "twice")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "symbol 'A' twice")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\"}", "size")]
    [InlineData("{\"type\":\"array\"}", "items")]
    [InlineData("{\"type\":\"record\",\"name\":\"int\",\"fields\":[]}", "primitive type name")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":{\"type\":\"enum\",\"name\":\"R\",\"symbols\":[\"A\"]}}]}", "defined twice")]
    [InlineData("{not json", "not valid JSON")]
    public void ShouldRejectInvalidSchemasNamingTheProblem(string json, string expectedFragment)
    {
        var act = () => AvroSchemaParser.Parse(json);

        act.Should().Throw<AvroException>().WithMessage($"*{expectedFragment}*");
    }
}
