using FluentAssertions;
using Streaming.Contracts.Configuration;
using Streaming.Processor.Domain;
using Xunit;

namespace Streaming.Processor.Tests;

public sealed class MarkedWordMatcherTests
{
    private readonly MarkedWordMatcher _matcher = new(["darn", "heck", "don't", "über"]);

    [Fact]
    public void ShouldReturnDistinctMatchesInOrderOfFirstAppearance()
    {
        _matcher.Match("Heck, darn it. HECK! darn darn").Should().Equal("heck", "darn");
    }

    [Fact]
    public void ShouldReturnNothingForACleanText()
    {
        _matcher.Match("darned hecks and dont").Should().BeEmpty();
    }

    [Fact]
    public void ShouldMatchCaseInsensitivelyAcrossScripts()
    {
        _matcher.Match("ÜBER alles").Should().Equal("über");
        _matcher.IsMarked("DARN").Should().BeTrue();
    }

    [Fact]
    public void ShouldMatchAWordWithAnApostropheAsOneToken()
    {
        _matcher.Match("I DON'T care").Should().Equal("don't");
        _matcher.Match("I don’t care").Should().BeEmpty("the typographic apostrophe is a different character");
        _matcher.Match("I don t care").Should().BeEmpty();
    }

    [Fact]
    public void ShouldNotMatchAWordInsideALongerToken()
    {
        _matcher.Match("darn's heck42 _heck_").Should().Equal("heck");
    }

    [Fact]
    public void ShouldParseTheFileFormatIgnoringBlanksAndComments()
    {
        var matcher = MarkedWordMatcher.Parse(["# marked words", "", "  Darn  ", "   # indented comment", "heck", "darn"]);

        matcher.Count.Should().Be(2);
        matcher.Match("darn heck").Should().Equal("darn", "heck");
        matcher.IsMarked("#").Should().BeFalse();
    }

    [Fact]
    public void ShouldRejectALineThatIsNotOneToken()
    {
        var act = () => MarkedWordMatcher.Parse(["darn", "two words"]);

        act.Should().Throw<FormatException>().WithMessage("line 2: marked word 'two words' is not a single token*");
    }

    [Fact]
    public void ShouldLoadAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"marked-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, ["# test list", "blast", "", "drat"]);
        try
        {
            MarkedWordMatcher.FromFile(path).Match("Drat! blast.").Should().Equal("drat", "blast");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ShouldNameTheKeyAndPathWhenTheFileIsMissingOrMalformed()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt");
        var act = () => MarkedWordMatcher.FromFile(missing);
        act.Should().Throw<ConfigurationException>()
            .Where(e => e.Key == ProcessorOptions.MarkedWordsFileKey && e.Message.Contains(missing, StringComparison.Ordinal));

        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(bad, ["ok", "not-ok"]);
        try
        {
            var load = () => MarkedWordMatcher.FromFile(bad);
            load.Should().Throw<ConfigurationException>().WithMessage("*line 2*'not-ok'*");
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
