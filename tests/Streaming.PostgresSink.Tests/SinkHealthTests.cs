using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Npgsql;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.PostgresSink.Tests;

/// <summary>
/// /health and /metrics of a live Postgres sink through a PostgreSQL outage: unhealthy with the reason while its path to
/// the server is cut, healthy again once it is back, and every row written in the end.
/// </summary>
public sealed partial class SinkHealthTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ShouldTurnUnhealthyWithTheReasonDuringAPostgresOutageThenHealthyAgainWithoutLosingARow()
    {
        await using var schema = await TestSchema.CreateAsync("health");
        var topic = TestTopics.Create().Flagged;
        var pg = new NpgsqlConnectionStringBuilder(schema.ConnectionString);
        await using var proxy = new CuttableTcpProxy(new IPEndPoint(IPAddress.Parse(pg.Host == "localhost" ? "127.0.0.1" : pg.Host!), pg.Port));
        var throughProxy = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        var metricsPort = FreePort();
        using var writer = new TopicWriter();
        var phases = new[] { TestData.Flagged(300, seed: 1, "a"), TestData.Flagged(300, seed: 2, "b"), TestData.Flagged(300, seed: 3, "c") };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}"), Timeout = TimeSpan.FromSeconds(5) };

        await writer.ProduceAsync(topic, phases[0], m => m.SenderId);
        using var sink = StartedChildProcess.Start(ChildProcess.DotnetStartInfo(
            Path.Combine(AppContext.BaseDirectory, "sinks.dll"),
            ["postgres", "--topics", topic, "--group-id", "health-" + schema.Name, "--sink-name", "health", "--batch-size", "100",
             "--pg-connection", throughProxy, "--bootstrap-servers", DevStack.KafkaBootstrap, "--schema-registry", DevStack.SchemaRegistryUrl,
             "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["STREAMING__OBSERVABILITY__UNHEALTHYAFTER"] = "1s" }, workingDirectory: AppContext.BaseDirectory));

        var ready = await WaitForHealthAsync(http, sink, body => body == "ok");
        await WaitUntilAsync(async () => await RowsAsync(schema) == 300, sink);
        proxy.Cut();
        await writer.ProduceAsync(topic, phases[1], m => m.SenderId);
        var unhealthy = await WaitForHealthAsync(http, sink, body => body.StartsWith("unhealthy: postgres: ", StringComparison.Ordinal));
        proxy.Restore();
        var healthyAgain = await WaitForHealthAsync(http, sink, body => body == "ok");
        await writer.ProduceAsync(topic, phases[2], m => m.SenderId);
        await WaitUntilAsync(async () => await RowsAsync(schema) == 900, sink);
        var metrics = string.Empty;
        // A batch counts once the loop collects its finished write, a poll after the rows are visible.
        await WaitUntilAsync(async () => Sample(metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "streaming_sink_rows") == 900, sink);
        sink.Kill();

        ready.Status.Should().Be(HttpStatusCode.OK);
        unhealthy.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        unhealthy.Body.Should().MatchRegex(@"^unhealthy: postgres: .+ for \d+ s$");
        healthyAgain.Status.Should().Be(HttpStatusCode.OK);
        (await TableReader.FlaggedAsync(schema)).Values.Should().BeEquivalentTo(phases.SelectMany(p => p), "no row is lost");
        Sample(metrics, "streaming_sink_rows").Should().Be(900);
        Sample(metrics, "streaming_sink_records").Should().Be(900);
        Sample(metrics, "streaming_sink_rejected").Should().Be(0);
        Sample(metrics, "streaming_sink_retries").Should().BePositive("the writes during the outage were retried");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<long> RowsAsync(TestSchema schema)
    {
        try
        {
            return await schema.ScalarAsync("SELECT count(*) FROM flagged_messages");
        }
        catch (PostgresException)
        {
            return 0; // the sink has not created the table yet
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForHealthAsync(HttpClient http, StartedChildProcess sink, Func<string, bool> wanted)
    {
        var deadline = DateTime.UtcNow + s_bound;
        var last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            sink.HasExited.Should().BeFalse(sink.Tail(30));
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                last = (await response.Content.ReadAsStringAsync()).Trim();
                if (wanted(last))
                {
                    return (response.StatusCode, last);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"/health did not answer as expected within {s_bound.TotalSeconds} s; last: {last}\n{sink.Tail(30)}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, StartedChildProcess sink)
    {
        var deadline = DateTime.UtcNow + s_bound;
        while (!await condition())
        {
            sink.HasExited.Should().BeFalse(sink.Tail(30));
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the sink did not get there within {s_bound.TotalSeconds} s.\n{sink.Tail(30)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The value of a sink counter (<c>name_total{…}</c>).</summary>
    private static long Sample(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + "_total{", StringComparison.Ordinal))
            .Select(l => long.Parse(Value().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)).Single();

    [GeneratedRegex(@"\}\s+(\d+)")]
    private static partial Regex Value();
}
