using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Streaming.Contracts.Configuration;
using Streaming.Processor.Domain;
using Xunit;

namespace Streaming.Processor.Tests;

public sealed class ProcessorOptionsTests
{
    [Fact]
    public void ShouldDefaultToTheDesignThresholds()
    {
        var options = new ProcessorOptions();

        options.AllowedLatenessMs.Should().Be(600_000);
        options.DedupRetentionMs.Should().Be(86_400_000);
        options.StrikeTtlMs.Should().Be(2_592_000_000);
        options.StrikeLimit.Should().Be(10);
        options.SalaryStep.Should().Be(0.9);
        options.FutureToleranceMs.Should().Be(86_400_000);
        options.MarkedWordsFile.Should().Be("data/marked-words.txt");
        options.Validate().Should().BeSameAs(options);
    }

    [Fact]
    public void ShouldBindDurationsInBothFormatsFromConfiguration()
    {
        var configuration = Build(new()
        {
            ["Processor:AllowedLateness"] = "5m",
            ["Processor:DedupRetention"] = "1.12:00:00",
            ["Processor:StrikeTtl"] = "7d",
            ["Processor:StrikeLimit"] = "3",
            ["Processor:SalaryStep"] = "0.5",
            ["Processor:FutureTolerance"] = "90s",
            ["Processor:MarkedWordsFile"] = "/tmp/words.txt",
        });

        var options = ProcessorOptions.Bind(configuration);

        options.AllowedLatenessMs.Should().Be(300_000);
        options.DedupRetentionMs.Should().Be(36 * 3_600_000L);
        options.StrikeTtlMs.Should().Be(7 * 86_400_000L);
        options.StrikeLimit.Should().Be(3);
        options.SalaryStep.Should().Be(0.5);
        options.FutureToleranceMs.Should().Be(90_000);
        options.MarkedWordsFile.Should().Be("/tmp/words.txt");
    }

    [Fact]
    public void ShouldKeepDefaultsForAbsentKeys()
    {
        var options = ProcessorOptions.Bind(Build(new() { ["Processor:StrikeLimit"] = "4" }));

        options.StrikeLimit.Should().Be(4);
        options.AllowedLatenessMs.Should().Be(600_000);
    }

    [Theory]
    [InlineData("Processor:AllowedLateness", "soon")]
    [InlineData("Processor:DedupRetention", "0s")]
    [InlineData("Processor:StrikeTtl", "-1d")]
    [InlineData("Processor:StrikeLimit", "0")]
    [InlineData("Processor:StrikeLimit", "ten")]
    [InlineData("Processor:SalaryStep", "1.5")]
    [InlineData("Processor:SalaryStep", "0")]
    [InlineData("Processor:FutureTolerance", "-5m")]
    public void ShouldRejectABadValueNamingItsKey(string key, string value)
    {
        var act = () => ProcessorOptions.Bind(Build(new() { [key] = value }));

        act.Should().Throw<ConfigurationException>()
            .Where(e => e.Key == key && e.Message.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldRejectAnEmptyMarkedWordsFileNamingTheKey()
    {
        var act = () => new ProcessorOptions { MarkedWordsFile = " " }.Validate();

        act.Should().Throw<ConfigurationException>().Where(e => e.Key == ProcessorOptions.MarkedWordsFileKey);
    }

    private static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
