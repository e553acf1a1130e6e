using Streaming.Contracts.Avro;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Schemas;
using Streaming.Contracts.SchemaRegistry;

namespace Streaming.Contracts.Tests.SchemaRegistry;

public sealed class MockSchemaRegistryTests
{
    [Fact]
    public async Task ShouldSeedTheProjectSchemasAsIdsOneToNineInAFixedOrder()
    {
        var registry = new MockSchemaRegistry();

        registry.Count.Should().Be(9);
        for (var id = 1; id <= 9; id++)
        {
            (await registry.GetSchemaAsync(id)).Should().Be(AvroSchemaFiles.All[id - 1]);
        }
        (await registry.RegisterAsync("trips-value", AvroSchemaFiles.TripEvent)).Should().Be(1);
        (await registry.RegisterAsync("messages-value", AvroSchemaFiles.MessageEvent)).Should().Be(2);
        (await registry.RegisterAsync("x-value", AvroSchemaFiles.MessageLate)).Should().Be(8);
        (await registry.RegisterAsync("trips-key", "\"string\"")).Should().Be(9);
    }

    [Fact]
    public async Task ShouldGiveANewSchemaTheNextIdAndTheSameIdWhenRegisteredAgain()
    {
        var registry = new MockSchemaRegistry();
        const string schema = """{"type":"record","name":"New","fields":[{"name":"a","type":"int"}]}""";

        var first = await registry.RegisterAsync("new-value", schema);
        var again = await registry.RegisterAsync("other-value", """{ "name": "New", "type": "record", "fields": [ { "type": "int", "name": "a" } ] }""");

        first.Should().Be(10);
        again.Should().Be(10);
        (await registry.GetSchemaAsync(10)).Should().Be(schema);
        registry.GetVersions("new-value").Should().Equal(10);
    }

    [Fact]
    public async Task ShouldFailForAnUnknownIdWithTheIdInTheMessage()
    {
        var act = () => new MockSchemaRegistry().GetSchemaAsync(42);

        (await act.Should().ThrowAsync<SchemaNotRegisteredException>().WithMessage("schema id 42 is not registered")).Which.SchemaId.Should().Be(42);
    }

    [Fact]
    public async Task ShouldRefuseAnInvalidSchemaNamingTheSubject()
    {
        var act = () => new MockSchemaRegistry().RegisterAsync("bad-value", """{"type":"record","name":"R"}""");

        (await act.Should().ThrowAsync<SchemaRegistryException>().WithMessage("schema for subject 'bad-value' is invalid: *fields*")).Which.StatusCode.Should().Be(422);
    }

    [Fact]
    public async Task ShouldShareOneRegistryPerScopeInAProcess()
    {
        var a = SchemaRegistryFactory.Create(new SchemaRegistrySettings { Url = "mock://scope-test-a" });
        var b = SchemaRegistryFactory.Create(new SchemaRegistrySettings { Url = "mock://scope-test-a" });
        var other = SchemaRegistryFactory.Create(new SchemaRegistrySettings { Url = "mock://scope-test-b" });

        var id = await a.RegisterAsync("s-value", """{"type":"enum","name":"ScopeTest","symbols":["A"]}""");

        a.Should().BeSameAs(b).And.BeOfType<MockSchemaRegistry>();
        (await b.GetSchemaAsync(id)).Should().Contain("ScopeTest");
        await other.Invoking(o => o.GetSchemaAsync(id)).Should().ThrowAsync<SchemaNotRegisteredException>();
    }

    [Fact]
    public void ShouldCreateARestClientForHttpUrlsAndRefuseOtherSchemes()
    {
        using var rest = (SchemaRegistryRestClient)SchemaRegistryFactory.Create(new SchemaRegistrySettings { Url = "http://127.0.0.1:1" });

        var act = () => SchemaRegistryFactory.Create(new SchemaRegistrySettings { Url = "ftp://x" });

        act.Should().Throw<ConfigurationException>().WithMessage("Schema Registry URL 'ftp://x' is not valid: pass --schema-registry or set STREAMING__SCHEMAREGISTRY__URL*");
    }

    [Fact]
    public void ShouldSeedSchemasThatAllParse()
    {
        AvroSchemaFiles.All.Select(s => AvroSchemaParser.Parse(s).CanonicalForm).Should().OnlyHaveUniqueItems();
    }
}
