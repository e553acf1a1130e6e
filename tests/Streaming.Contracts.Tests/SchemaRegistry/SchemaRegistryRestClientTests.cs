using System.Net;
using System.Text.Json;
using Streaming.Contracts.Events;
using Streaming.Contracts.Schemas;
using Streaming.Contracts.SchemaRegistry;
using Streaming.Contracts.Serialization;
using Streaming.Contracts.Tests.Support;

namespace Streaming.Contracts.Tests.SchemaRegistry;

public sealed class SchemaRegistryRestClientTests
{
    private static readonly SchemaRegistryRetryOptions s_fastRetries = new()
    {
        MaxRetryAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task ShouldRegisterUnderTheSubjectWithTheRegistryMediaTypeAndBasicAuth()
    {
        await using var server = new FakeSchemaRegistryServer("user:p@ss:word");
        using var client = new SchemaRegistryRestClient(server.Url, "user:p@ss:word", s_fastRetries);

        var id = await client.RegisterAsync("trips-value", AvroSchemaFiles.TripEvent);

        id.Should().Be(100);
        var request = server.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/subjects/trips-value/versions");
        request.Authorization.Should().Be("Basic dXNlcjpwQHNzOndvcmQ=");
        request.ContentType.Should().Be("application/vnd.schemaregistry.v1+json");
        request.Accept.Should().Be("application/vnd.schemaregistry.v1+json");
        JsonDocument.Parse(request.Body).RootElement.GetProperty("schema").GetString().Should().Be(AvroSchemaFiles.TripEvent);
    }

    [Fact]
    public async Task ShouldCacheRegistrationsAndLookupsBothWays()
    {
        await using var server = new FakeSchemaRegistryServer();
        using var client = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        using var other = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);

        var id = await client.RegisterAsync("trips-value", AvroSchemaFiles.TripEvent);
        (await client.RegisterAsync("trips-value", AvroSchemaFiles.TripEvent)).Should().Be(id);
        (await client.GetSchemaAsync(id)).Should().Be(AvroSchemaFiles.TripEvent, "a registration also fills the id → schema cache");
        (await other.GetSchemaAsync(id)).Should().Be(AvroSchemaFiles.TripEvent);
        (await other.GetSchemaAsync(id)).Should().Be(AvroSchemaFiles.TripEvent);

        server.Requests.Select(r => r.Method + " " + r.Path).Should().Equal("POST /subjects/trips-value/versions", "GET /schemas/ids/100");
    }

    [Fact]
    public async Task ShouldRetryAfterServiceUnavailableAndThenSucceed()
    {
        await using var server = new FakeSchemaRegistryServer();
        using var client = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        server.FailNext(2, HttpStatusCode.ServiceUnavailable);

        var id = await client.RegisterAsync("messages-value", AvroSchemaFiles.MessageEvent);

        id.Should().Be(100);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task ShouldRetryTooManyRequests()
    {
        await using var server = new FakeSchemaRegistryServer();
        using var client = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        await client.RegisterAsync("a-value", AvroSchemaFiles.CityHourly);
        using var fresh = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        server.FailNext(1, HttpStatusCode.TooManyRequests);

        (await fresh.GetSchemaAsync(100)).Should().Be(AvroSchemaFiles.CityHourly);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task ShouldGiveUpAfterTheRetryLimitWithTheStatusInTheMessage()
    {
        await using var server = new FakeSchemaRegistryServer();
        using var client = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        server.FailNext(100, HttpStatusCode.BadGateway);

        var act = () => client.RegisterAsync("trips-value", AvroSchemaFiles.TripEvent);

        (await act.Should().ThrowAsync<SchemaRegistryException>().WithMessage("*answered 502*registering a schema under subject 'trips-value'*"))
            .Which.StatusCode.Should().Be(502);
        server.Requests.Should().HaveCount(5, "one attempt plus four retries");
    }

    [Fact]
    public async Task ShouldNotRetryUnauthorizedAndPointAtTheCredentialsSetting()
    {
        await using var server = new FakeSchemaRegistryServer("user:right");
        using var client = new SchemaRegistryRestClient(server.Url, "user:wrong", s_fastRetries);

        var act = () => client.RegisterAsync("trips-value", AvroSchemaFiles.TripEvent);

        (await act.Should().ThrowAsync<SchemaRegistryException>().WithMessage("*401*STREAMING__SCHEMAREGISTRY__BASICAUTHUSERINFO*")).Which.StatusCode.Should().Be(401);
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task ShouldReportAnUnknownIdAsNotRegistered()
    {
        await using var server = new FakeSchemaRegistryServer();
        using var client = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);

        var act = () => client.GetSchemaAsync(7);

        (await act.Should().ThrowAsync<SchemaNotRegisteredException>().WithMessage("schema id 7 is not registered")).Which.SchemaId.Should().Be(7);
    }

    [Fact]
    public async Task ShouldFailWithARegistryErrorWhenNothingListens()
    {
        int port;
        await using (var server = new FakeSchemaRegistryServer())
        {
            port = server.Port;
        }
        using var client = new SchemaRegistryRestClient($"http://127.0.0.1:{port}", null, new SchemaRegistryRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(10) });

        var act = () => client.GetSchemaAsync(1);

        await act.Should().ThrowAsync<SchemaRegistryException>().WithMessage($"Schema Registry at http://127.0.0.1:{port}/ failed while fetching schema id 1:*");
    }

    [Fact]
    public async Task ShouldServeTheSerdesEndToEndOverHttp()
    {
        await using var server = new FakeSchemaRegistryServer();
        using var producerClient = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        using var consumerClient = new SchemaRegistryRestClient(server.Url, null, s_fastRetries);
        var producer = new AvroSerde<MessageEvent>(producerClient);
        var consumer = new AvroSerde<MessageEvent>(consumerClient);

        var bytes = ContractSamples.Messages.Select(m => producer.Serialize(m, "messages")).ToList();

        bytes.Select(b => consumer.Deserialize(b)).Should().Equal(ContractSamples.Messages);
        bytes[0][..5].Should().Equal(0, 0, 0, 0, 100);
        server.Requests.Should().HaveCount(2, "one registration and one lookup, then caches");
    }
}
