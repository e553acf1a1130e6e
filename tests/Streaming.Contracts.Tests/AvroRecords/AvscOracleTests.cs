using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Avro.Specific;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Streaming.Contracts.AvroRecords.Mapping;
using Streaming.Contracts.Tests.Support;
using Streaming.TestSupport;

namespace Streaming.Contracts.Tests.AvroRecords;

/// <summary>
/// The contract serdes and Confluent's Avro serdes against npm avsc, an Avro implementation no one here wrote, on the
/// edge values of every contract type (non-ASCII, NaN, −0.0, null optionals, the long limits). One node process per test.
/// </summary>
public sealed class AvscOracleTests : IDisposable
{
    private readonly CachedSchemaRegistryClient _client = new(new SchemaRegistryConfig { Url = DevStack.SchemaRegistryUrl });

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task ShouldHaveAvscDecodeWhatConfluentsSerializerWroteToTheSameValues()
    {
        var cases = await AllCasesAsync();

        var decoded = await AvscOracle.DecodeAsync(cases.Select(c => (c.SchemaJson, c.ConfluentBytes[5..])));

        decoded.Should().HaveCount(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var theirs = JsonNode.Parse(decoded[i].GetRawText());
            JsonNode.DeepEquals(theirs, cases[i].Expected).Should().BeTrue($"avsc decoded {cases[i].Value} as {theirs?.ToJsonString()}, expected {cases[i].Expected?.ToJsonString()}");
            cases[i].OurBytes.Should().Equal(cases[i].ConfluentBytes, because: $"our serde and Confluent's write {cases[i].Value} identically");
        }
    }

    [Fact]
    public async Task ShouldHaveConfluentsDeserializerAndOursReadWhatAvscWrote()
    {
        var cases = await AllCasesAsync();

        var encoded = await AvscOracle.EncodeAsync(cases.Select(c => (c.SchemaJson, c.Expected)));

        for (var i = 0; i < cases.Count; i++)
        {
            var framed = new byte[5 + encoded[i].Length];
            BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), cases[i].SchemaId);
            encoded[i].CopyTo(framed, 5);
            (await cases[i].ReadWithConfluent(framed)).Should().Be(cases[i].Value, because: "Confluent's deserializer reads avsc's bytes");
            cases[i].ReadWithOurs(framed).Should().Be(cases[i].Value, because: "our serde reads avsc's bytes");
            if (!cases[i].Expected!.ToJsonString().Contains("\"NaN\"", StringComparison.Ordinal))
            {
                // NaN is the one value whose bits differ: JavaScript writes the canonical quiet NaN.
                framed.Should().Equal(cases[i].ConfluentBytes, because: $"avsc and Confluent encode {cases[i].Value} identically");
            }
        }
    }

    private sealed record Case(
        object Value, string SchemaJson, JsonNode? Expected, int SchemaId, byte[] ConfluentBytes, byte[] OurBytes,
        Func<byte[], Task<object>> ReadWithConfluent, Func<byte[], object> ReadWithOurs);

    private async Task<List<Case>> AllCasesAsync() =>
    [
        .. await CasesAsync(ContractSamples.Trips, TripEventMapping.Instance),
        .. await CasesAsync(ContractSamples.Messages, MessageEventMapping.Instance),
        .. await CasesAsync(ContractSamples.CityHourlies, CityHourlyMapping.Instance),
        .. await CasesAsync(ContractSamples.FlaggedMessages, FlaggedMessageMapping.Instance),
        .. await CasesAsync(ContractSamples.StrikeStatuses, StrikeStatusMapping.Instance),
        .. await CasesAsync(ContractSamples.Rejecteds, RejectedMapping.Instance),
        .. await CasesAsync(ContractSamples.TripLates, TripLateMapping.Instance),
        .. await CasesAsync(ContractSamples.MessageLates, MessageLateMapping.Instance),
    ];

    private async Task<List<Case>> CasesAsync<TDomain, TRecord>(IEnumerable<TDomain> values, IAvroRecordMapping<TDomain, TRecord> mapping)
        where TDomain : notnull
        where TRecord : ISpecificRecord, new()
    {
        var topic = "oracle-" + Guid.NewGuid().ToString("N");
        var context = new SerializationContext(MessageComponentType.Value, topic);
        var serializer = new AvroSerializer<TRecord>(_client);
        var deserializer = new AvroDeserializer<TRecord>(_client);
        var ours = DevRegistry.Serdes.For<TDomain>();
        var cases = new List<Case>();
        foreach (var value in values)
        {
            var record = mapping.ToRecord(value);
            var confluent = await serializer.SerializeAsync(record, context);
            cases.Add(new Case(
                value, record.Schema.ToString(), AvscJson.ToJson(record.Schema, record), BinaryPrimitives.ReadInt32BigEndian(confluent.AsSpan(1)),
                confluent, ours.Serialize(value, topic),
                async bytes => mapping.FromRecord(await deserializer.DeserializeAsync(bytes, isNull: false, context)),
                bytes => ours.Deserialize(bytes)!));
        }
        return cases;
    }
}
