using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Contracts.Logging;

namespace Streaming.Contracts.Tests.Logging;

public sealed class OneLineConsoleFormatterTests
{
    private static Exception Thrown()
    {
        try
        {
            _ = DateTimeOffset.FromUnixTimeMilliseconds(long.MaxValue);
            throw new InvalidOperationException("unreachable");
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return new InvalidOperationException("task 2-1 failed", ex);
        }
    }

    private static string Format(string message, Exception? exception)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Error, "Streamiz.Kafka.Net.Processors.StreamThread", new EventId(0), message, exception, (s, _) => s);
        new OneLineConsoleFormatter().Write(entry, null, writer);
        return writer.ToString();
    }

    [Fact]
    public void ShouldKeepTheExceptionTextAndDropItsStackFramesWhenALibraryPutsThemInTheMessage()
    {
        var exception = Thrown();
        exception.ToString().Should().Contain("\n   at ", "the test needs a real stack trace");

        var line = Format("Encountered the following error during processing: " + exception, null);

        line.Should().Be("fail: Streamiz.Kafka.Net.Processors.StreamThread Encountered the following error during processing: "
            + "System.InvalidOperationException: task 2-1 failed  ---> System.ArgumentOutOfRangeException: Valid values are between "
            + "-62135596800000 and 253402300799999, inclusive. (Parameter 'milliseconds') Actual value was 9223372036854775807."
            + Environment.NewLine);
        line.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public void ShouldNameAnAttachedExceptionWithoutItsStack()
    {
        var line = Format("commit failed", Thrown());

        line.Should().Be($"fail: Streamiz.Kafka.Net.Processors.StreamThread commit failed (InvalidOperationException: task 2-1 failed){Environment.NewLine}");
    }
}
