using System.Net;

using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Smoke.Tests;

/// <summary>Confluent's own client and serdes against the dev Schema Registry (DESIGN §2).</summary>
public sealed class SchemaRegistrySmokeTests
{
    // Each test uses fresh subjects and a record name of its own: the dev registry persists across runs.
    private static string NewSubject() => "smoke-" + Guid.NewGuid().ToString("N") + "-value";

    private static string RecordSchema(string name) =>
        $$"""{"type":"record","name":"{{name}}","namespace":"smoke","fields":[{"name":"id","type":"string"},{"name":"n","type":"long"}]}""";

    private static CachedSchemaRegistryClient CreateClient(string url) => new(new SchemaRegistryConfig { Url = url });

    [Fact]
    public async Task ShouldRegisterAndLookUpByIdLatestVersionAndSubjects()
    {
        using var client = CreateClient(DevStack.SchemaRegistryUrl);
        var subject = NewSubject();
        var first = RecordSchema("R" + Guid.NewGuid().ToString("N"));
        var second = RecordSchema("R" + Guid.NewGuid().ToString("N"));

        var firstId = await client.RegisterSchemaAsync(subject, new Confluent.SchemaRegistry.Schema(first, SchemaType.Avro));
        var secondId = await client.RegisterSchemaAsync(subject, new Confluent.SchemaRegistry.Schema(second, SchemaType.Avro));

        secondId.Should().NotBe(firstId);
        (await client.GetSchemaAsync(firstId)).SchemaString.Should().Be(first);
        var latest = await client.GetLatestSchemaAsync(subject);
        (latest.Id, latest.Version, latest.Subject, latest.SchemaString).Should().Be((secondId, 2, subject, second));
        (await client.GetAllSubjectsAsync()).Should().Contain(subject);
        (await client.GetSubjectVersionsAsync(subject)).Should().Equal(1, 2);
    }

    [Fact]
    public async Task ShouldGiveTheSameSchemaTheSameIdUnderEverySubject()
    {
        var schema = RecordSchema("R" + Guid.NewGuid().ToString("N"));
        using var first = CreateClient(DevStack.SchemaRegistryUrl);
        using var second = CreateClient(DevStack.SchemaRegistryUrl);

        var id = await first.RegisterSchemaAsync(NewSubject(), new Confluent.SchemaRegistry.Schema(schema, SchemaType.Avro));
        var again = await second.RegisterSchemaAsync(NewSubject(), new Confluent.SchemaRegistry.Schema(schema.Replace(",", ", ", StringComparison.Ordinal), SchemaType.Avro));

        again.Should().Be(id, "layout does not make a schema new");
    }

    [Fact]
    public async Task ShouldAnswerAnUnknownIdWith40403()
    {
        using var client = CreateClient(DevStack.SchemaRegistryUrl);

        var act = () => client.GetSchemaAsync(int.MaxValue);

        var error = (await act.Should().ThrowAsync<SchemaRegistryException>()).Which;
        (error.Status, error.ErrorCode).Should().Be((HttpStatusCode.NotFound, 40403));
    }

    [Fact]
    public async Task ShouldAnswerAnUnknownSubjectWith40401()
    {
        using var client = CreateClient(DevStack.SchemaRegistryUrl);

        var act = () => client.GetLatestSchemaAsync(NewSubject());

        var error = (await act.Should().ThrowAsync<SchemaRegistryException>()).Which;
        (error.Status, error.ErrorCode).Should().Be((HttpStatusCode.NotFound, 40401));
    }

    [Theory]
    [InlineData("""{"type":"nope"}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a"}]}""")]
    [InlineData("not json")]
    public async Task ShouldRejectASchemaApacheAvroCannotParseWith42201(string schema)
    {
        using var client = CreateClient(DevStack.SchemaRegistryUrl);

        var act = () => client.RegisterSchemaAsync(NewSubject(), new Confluent.SchemaRegistry.Schema(schema, SchemaType.Avro));

        var error = (await act.Should().ThrowAsync<SchemaRegistryException>()).Which;
        (error.Status, error.ErrorCode).Should().Be((HttpStatusCode.UnprocessableEntity, 42201));
    }

    [Fact]
    public async Task ShouldRegisterUnderTopicValueWhenConfluentsSerializerFindsNoAssociation()
    {
        using var client = CreateClient(DevStack.SchemaRegistryUrl);
        var topic = "smoke-" + Guid.NewGuid().ToString("N");
        var schema = (Avro.RecordSchema)Avro.Schema.Parse(RecordSchema("R" + Guid.NewGuid().ToString("N")));
        var record = new GenericRecord(schema);
        record.Add("id", "ü-1");
        record.Add("n", -5L);
        var serializer = new AvroSerializer<GenericRecord>(client);
        var deserializer = new AvroDeserializer<GenericRecord>(client);

        var bytes = await serializer.SerializeAsync(record, new SerializationContext(MessageComponentType.Value, topic));
        var read = await deserializer.DeserializeAsync(bytes, isNull: false, new SerializationContext(MessageComponentType.Value, topic));

        var latest = await client.GetLatestSchemaAsync(topic + "-value");
        bytes[0].Should().Be(0);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)).Should().Be(latest.Id);
        (read["id"], read["n"]).Should().Be(("ü-1", -5L));
    }

    [Fact]
    public async Task ShouldKeepSchemasAndIdsAcrossARestart()
    {
        using var registry = new OwnSchemaRegistry();
        await registry.StartAsync();
        var subject = NewSubject();
        var schema = RecordSchema("Restart");
        int id;
        using (var client = CreateClient(registry.Url))
        {
            await client.RegisterSchemaAsync("other-value", new Confluent.SchemaRegistry.Schema("\"string\"", SchemaType.Avro));
            id = await client.RegisterSchemaAsync(subject, new Confluent.SchemaRegistry.Schema(schema, SchemaType.Avro));
        }

        registry.Kill();
        await registry.StartAsync();

        using var restarted = CreateClient(registry.Url);
        (await restarted.GetSchemaAsync(id)).SchemaString.Should().Be(schema);
        (await restarted.GetLatestSchemaAsync(subject)).Id.Should().Be(id);
        (await restarted.GetAllSubjectsAsync()).Should().Equal("other-value", subject);
        (await restarted.RegisterSchemaAsync(NewSubject(), new Confluent.SchemaRegistry.Schema(schema, SchemaType.Avro))).Should().Be(id);
        (await restarted.RegisterSchemaAsync(NewSubject(), new Confluent.SchemaRegistry.Schema(RecordSchema("New"), SchemaType.Avro))).Should().Be(id + 1);
    }
}
