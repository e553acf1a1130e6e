using FsCheck.Fluent;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.Avro;

public sealed class GenericCodecTests
{
    [Fact]
    public void ShouldRoundTripRandomKitchenSinkValues() =>
        Properties.Check(Gen.Choose(0, int.MaxValue), seed =>
        {
            var value = KitchenSink.RandomValue(KitchenSink.Schema, new Random(seed));
            var bytes = GenericData.Encode(KitchenSink.Schema, value);
            return GenericData.DeepEquals(GenericData.Decode(KitchenSink.Schema, bytes), value);
        }, maxTest: 300);

    [Fact]
    public void ShouldRoundTripARecursiveSchema()
    {
        var schema = (RecordSchema)AvroSchemaParser.Parse("""{"name":"PigValue","type":"record","fields":[{"name":"value","type":["null","int","long","PigValue"]}]}""");
        var leaf = new GenericRecord(schema) { ["value"] = 5L };
        var middle = new GenericRecord(schema) { ["value"] = leaf };
        var top = new GenericRecord(schema) { ["value"] = middle };

        var bytes = GenericData.Encode(schema, top);

        // branch 3 (record), branch 3 (record), branch 2 (long) 5.
        Convert.ToHexString(bytes).Should().Be("06" + "06" + "04" + "0A");
        GenericData.Decode(schema, bytes).Should().Be(top);
    }

    [Fact]
    public void ShouldPickTheUnionBranchByValueType()
    {
        var union = (UnionSchema)AvroSchemaParser.Parse("""["null","int","long","double","string","bytes",{"type":"array","items":"int"},{"type":"map","values":"int"}]""");

        GenericDatumWriter.ResolveBranch(union, null).Should().Be(0);
        GenericDatumWriter.ResolveBranch(union, 1).Should().Be(1);
        GenericDatumWriter.ResolveBranch(union, 1L).Should().Be(2);
        GenericDatumWriter.ResolveBranch(union, 1.0).Should().Be(3);
        GenericDatumWriter.ResolveBranch(union, 1.0f).Should().Be(3, "float promotes to double when there is no float branch");
        GenericDatumWriter.ResolveBranch(union, "s").Should().Be(4);
        GenericDatumWriter.ResolveBranch(union, new byte[] { 1 }).Should().Be(5);
        GenericDatumWriter.ResolveBranch(union, new List<object?> { 1 }).Should().Be(6);
        GenericDatumWriter.ResolveBranch(union, new Dictionary<string, object?>()).Should().Be(7);
        GenericDatumWriter.ResolveBranch(union, true).Should().Be(-1);
    }

    [Fact]
    public void ShouldNameTheFieldPathWhenAValueDoesNotFit()
    {
        var value = (GenericRecord)KitchenSink.RandomValue(KitchenSink.Schema, new Random(1))!;
        value["arr"] = new List<object?> { 1L, "two" };

        var act = () => GenericData.Encode(KitchenSink.Schema, value);

        act.Should().Throw<AvroException>().WithMessage("test.sink.KitchenSink.arr[1]: value \"two\" (String) does not fit schema long.");
    }

    [Fact]
    public void ShouldReadNegativeBlockCountsWithByteSizes()
    {
        var schema = AvroSchemaParser.Parse("""{"type":"array","items":"long"}""");
        // Block of -2 items (zig-zag 03) with byte size 2 (04): 1 (02), -1 (01); then a block of 1 item: 5 (0A); then 0.
        var bytes = Convert.FromHexString("03" + "04" + "02" + "01" + "02" + "0A" + "00");

        GenericData.Decode(schema, bytes).Should().BeEquivalentTo(new List<object?> { 1L, -1L, 5L });
    }

    [Fact]
    public void ShouldReadMapsWrittenInSeveralBlocks()
    {
        var schema = AvroSchemaParser.Parse("""{"type":"map","values":"string"}""");
        // {a: "x"} in a negative block, then {b: ""} in a positive block.
        var bytes = Convert.FromHexString("01" + "08" + "0261" + "0278" + "02" + "0262" + "00" + "00");

        var map = (Dictionary<string, object?>)GenericData.Decode(schema, bytes)!;

        map.Should().BeEquivalentTo(new Dictionary<string, object?> { ["a"] = "x", ["b"] = string.Empty });
    }
}
