using FluentAssertions;
using Streaming.Processor.Domain;
using Xunit;

namespace Streaming.Processor.Tests;

public sealed class MarkedWordTokenizerTests
{
    [Theory]
    [InlineData("Hello, world!", new[] { "hello", "world" })]
    [InlineData("don't stop", new[] { "don't", "stop" })]
    [InlineData("DON’T Stop", new[] { "don’t", "stop" })]
    [InlineData("a-b_c.d/e", new[] { "a", "b", "c", "d", "e" })]
    [InlineData("room42 is 4th", new[] { "room42", "is", "4th" })]
    [InlineData("  \t\n ", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("ÄRGER über Straße", new[] { "ärger", "über", "straße" })]
    [InlineData("Привет,МИР", new[] { "привет", "мир" })]
    [InlineData("東京タワー！ok", new[] { "東京タワー", "ok" })]
    [InlineData("'quoted'", new[] { "'quoted'" })]
    [InlineData("rock&roll;yes", new[] { "rock", "roll", "yes" })]
    [InlineData("x😀y", new[] { "x", "y" })]
    [InlineData("٣٤ digits", new[] { "٣٤", "digits" })]
    public void ShouldSplitIntoLowerCasedRunsOfLettersDigitsAndApostrophes(string text, string[] expected)
    {
        MarkedWordTokenizer.Tokenize(text).Should().Equal(expected);
    }

    [Fact]
    public void ShouldKeepLettersOutsideTheBasicPlaneInsideOneToken()
    {
        // U+10400 DESERET CAPITAL LETTER LONG I (a surrogate pair) lower-cases to U+10428.
        MarkedWordTokenizer.Tokenize("ab\U00010400cd ef").Should().Equal("ab\U00010428cd", "ef");
        // U+1D7CE MATHEMATICAL BOLD DIGIT ZERO is a decimal digit (Nd) outside the BMP.
        MarkedWordTokenizer.Tokenize("x\U0001D7CEy").Should().Equal("x\U0001D7CEy");
    }

    [Fact]
    public void ShouldSplitAtAnUnpairedSurrogate()
    {
        MarkedWordTokenizer.Tokenize("ab\uD800cd").Should().Equal("ab", "cd");
    }

    [Fact]
    public void ShouldSplitAtACombiningMark()
    {
        // "é" written as e + U+0301 (category Mn): not a letter, so it separates (no normalization).
        MarkedWordTokenizer.Tokenize("caf\u0065\u0301 bar").Should().Equal("cafe", "bar");
    }
}
