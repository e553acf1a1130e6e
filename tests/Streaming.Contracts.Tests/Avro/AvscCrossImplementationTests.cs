using System.Security.Cryptography;
using System.Text;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Schemas;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.Avro;

/// <summary>Checks our Avro codec against npm avsc, an implementation no one here wrote. One node process per test.</summary>
public sealed class AvscCrossImplementationTests
{
    [Fact]
    public async Task ShouldHaveAvscDecodeOurTypedEncodingsToTheSameValues()
    {
        var samples = ContractSamples.All().ToList();

        var decoded = await AvscOracle.DecodeAsync(samples.Select(s => (s.Schema.CanonicalForm == "\"string\"" ? AvroSchemaFiles.StringKey : SchemaOf(s), s.TypedBytes)));

        decoded.Should().HaveCount(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var theirs = AvscJson.FromJson(samples[i].Schema, decoded[i]);
            GenericData.DeepEquals(theirs, samples[i].Generic).Should().BeTrue($"avsc decoded sample {i} ({samples[i]}) as {GenericData.Describe(theirs)}");
        }
    }

    [Fact]
    public async Task ShouldHaveAvscDecodeOurGenericEncodingsOfRandomKitchenSinkValues()
    {
        var values = Enumerable.Range(0, 300).Select(seed => KitchenSink.RandomValue(KitchenSink.Schema, new Random(seed))).ToList();
        values.Add(LargeKitchenSink());

        var decoded = await AvscOracle.DecodeAsync(values.Select(v => (KitchenSink.SchemaJson, GenericData.Encode(KitchenSink.Schema, v))));

        for (var i = 0; i < values.Count; i++)
        {
            var theirs = AvscJson.FromJson(KitchenSink.Schema, decoded[i]);
            GenericData.DeepEquals(theirs, values[i]).Should().BeTrue($"avsc decoded kitchen-sink value {i} as {GenericData.Describe(theirs)}, expected {GenericData.Describe(values[i])}");
        }
    }

    [Fact]
    public async Task ShouldDecodeAvscEncodingsOfEverySampleToTheSameValuesAndBytes()
    {
        var samples = ContractSamples.All().ToList();

        var encoded = await AvscOracle.EncodeAsync(samples.Select(s => (SchemaOf(s), AvscJson.ToJson(s.Schema, s.Generic))));

        for (var i = 0; i < samples.Count; i++)
        {
            GenericData.DeepEquals(GenericData.Decode(samples[i].Schema, encoded[i]), samples[i].Generic).Should().BeTrue($"generic decode of avsc bytes of {samples[i]}");
            samples[i].DecodeTyped(encoded[i]).Should().Be(samples[i].Typed, because: "typed decode of avsc bytes");
            if (!ContainsNaN(samples[i].Generic))
            {
                // NaN is the one value whose bits differ: JavaScript writes the canonical quiet NaN.
                encoded[i].Should().Equal(samples[i].TypedBytes, because: $"avsc and our codec encode {samples[i]} identically");
            }
        }
    }

    [Fact]
    public async Task ShouldDecodeAvscEncodingsOfRandomKitchenSinkValues()
    {
        var values = Enumerable.Range(1000, 300).Select(seed => KitchenSink.RandomValue(KitchenSink.Schema, new Random(seed))).ToList();
        values.Add(LargeKitchenSink());

        var encoded = await AvscOracle.EncodeAsync(values.Select(v => (KitchenSink.SchemaJson, AvscJson.ToJson(KitchenSink.Schema, v))));

        for (var i = 0; i < values.Count; i++)
        {
            var ours = GenericData.Decode(KitchenSink.Schema, encoded[i]);
            GenericData.DeepEquals(ours, values[i]).Should().BeTrue($"value {i}: we decoded {GenericData.Describe(ours)}");
            if (!ContainsNaN(values[i]))
            {
                encoded[i].Should().Equal(GenericData.Encode(KitchenSink.Schema, values[i]), because: $"value {i} encodes identically");
            }
        }
    }

    [Fact]
    public async Task ShouldProduceTheSameCanonicalFormAndMd5FingerprintAsAvsc()
    {
        var schemas = AvroSchemaFiles.All.Append(KitchenSink.SchemaJson).Append("""
            {"type":"record","name":"Outer","namespace":"a.b","fields":[
              {"name":"e","type":{"type":"enum","name":"E","symbols":["X","Y"],"doc":"d"}},
              {"name":"e2","type":"E"},
              {"name":"inner","type":{"type":"record","name":"c.Inner","fields":[{"name":"self","type":["null","Inner"]}]}},
              {"name":"f","type":{"type":"fixed","name":"F","namespace":"x","size":16}},
              {"name":"m","type":{"type":"map","values":{"type":"array","items":"x.F"}}}]}
            """).ToList();

        var theirs = await AvscOracle.CanonicalAsync(schemas);

        for (var i = 0; i < schemas.Count; i++)
        {
            var ours = AvroSchemaParser.Parse(schemas[i]).CanonicalForm;
            ours.Should().Be(theirs[i].Canonical, because: $"schema {i}");
#pragma warning disable CA5351 // avsc fingerprints with MD5; used here only to compare with it.
            Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(ours))).Should().Be(theirs[i].Md5);
#pragma warning restore CA5351
        }
    }

    private static string SchemaOf(Sample sample) => sample.Schema.CanonicalForm == "\"string\""
        ? AvroSchemaFiles.StringKey
        : AvroSchemaFiles.All.Single(s => AvroSchemaParser.Parse(s).CanonicalForm == sample.Schema.CanonicalForm);

    private static object? LargeKitchenSink()
    {
        var value = (GenericRecord)KitchenSink.RandomValue(KitchenSink.Schema, new Random(42))!;
        value["arr"] = Enumerable.Range(0, 10_000).Select(i => (object?)((long)i * 7919 * (i % 2 == 0 ? 1 : -1) << (i % 40))).ToList();
        value["m"] = Enumerable.Range(0, 2_000).ToDictionary(i => "key" + i, i => (object?)(i % 3 == 0 ? null : "v" + i + ContractSamples.Emoji), StringComparer.Ordinal);
        value["by"] = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();
        return value;
    }

    private static bool ContainsNaN(object? value) => value switch
    {
        double d => double.IsNaN(d),
        float f => float.IsNaN(f),
        GenericRecord r => r.Schema.Fields.Any(f => ContainsNaN(r[f.Position])),
        IDictionary<string, object?> map => map.Values.Any(ContainsNaN),
        IEnumerable<object?> list => list.Any(ContainsNaN),
        _ => false,
    };
}
