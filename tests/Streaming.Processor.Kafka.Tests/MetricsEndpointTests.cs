using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Processor.Kafka.Tests;

/// <summary>/metrics and /health of a bounded <c>processor run</c>, scraped during the run and after its summary.</summary>
public sealed partial class MetricsEndpointTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ShouldExportTheSummarysConservationCountersAndBeHealthyOnceRunning()
    {
        var prefix = "me-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var appId = prefix + "app";
        var producer = ChildProcess.BuiltDll("producer/Streaming.Producer", "producer.dll");
        var processor = ChildProcess.BuiltDll("processor/Streaming.Processor", "processor.dll");
        var generated = await DevStackChild.RunAsync(producer,
            ["generate", "--trips", "3000", "--messages", "600", "--days", "1", "--seed", "5", "--topic-prefix", prefix], s_bound);
        generated.ExitCode.Should().Be(0, generated.Stderr);
        await DevStackChild.CreateTopicsAsync(processor, ["--topic-prefix", prefix, "--app-id", appId]);
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        using var run = DevStackChild.Start(processor,
            ["run", "--until-end", "--guarantee", "at_least_once", "--topic-prefix", prefix, "--app-id", appId,
             "--metrics-port", port.ToString(CultureInfo.InvariantCulture), "--metrics-linger", "30s"]);
        var scrapesDuringRun = new List<long>();
        var deadline = DateTime.UtcNow + s_bound;
        while (!run.Stdout.Contains("Throughput:", StringComparison.Ordinal))
        {
            run.HasExited.Should().BeFalse(run.Tail(30));
            DateTime.UtcNow.Should().BeBefore(deadline, "the run prints its summary within the bound");
            if (await TryGetAsync(http, "/metrics") is { } text)
            {
                scrapesDuringRun.Add(Counter(text, prefix + "trips", "in"));
            }
            await Task.Delay(200);
        }
        await Task.Delay(500); // the summary's last lines
        var metrics = (await TryGetAsync(http, "/metrics"))!;
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var healthBody = await health.Content.ReadAsStringAsync();
        var summary = run.Stdout;
        run.Kill(); // it would linger 30 s more

        scrapesDuringRun.Should().NotBeEmpty("/metrics answered while the processor ran").And.BeInAscendingOrder();
        health.StatusCode.Should().Be(HttpStatusCode.OK, healthBody);
        healthBody.Trim().Should().Be("ok");
        foreach (var topic in new[] { "trips", "messages" })
        {
            var row = SummaryRow(summary, prefix + topic);
            string[] outcomes = ["in", "accepted", "duplicate", "beyond_horizon", "rejected", "window_late"];
            outcomes.Select(o => Counter(metrics, prefix + topic, o)).Should().Equal(row, $"{topic}: /metrics equals the summary's row");
            row[0].Should().BePositive();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            return await http.GetStringAsync(new Uri(path, UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    /// <summary>The value of <c>streaming_processor_records_total{…topic, outcome…}</c>; 0 when it is not exported yet.</summary>
    private static long Counter(string metrics, string topic, string outcome) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith("streaming_processor_records", StringComparison.Ordinal)
                && l.Contains($"topic=\"{topic}\"", StringComparison.Ordinal) && l.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
            .Select(l => long.Parse(SampleValue().Match(l).Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Single();

    /// <summary>in, accepted, dupes, horizon, rejected, win-late of the summary's conservation row.</summary>
    private static long[] SummaryRow(string stdout, string topic)
    {
        var fields = stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(f => f.Length == 8 && f[0] == topic);
        return [.. fields[1..7].Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"\}\s+(\d+)")]
    private static partial Regex SampleValue();
}
