using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>Assertions on a finished child process.</summary>
public static class ChildProcessResultAssertions
{
    /// <summary>Fails with the command, the exit code and the output tails unless the exit code is 0.</summary>
    public static ChildProcessResult ShouldSucceed(this ChildProcessResult result)
    {
        result.ExitCode.Should().Be(0, $"'{result.Command}' must exit 0.\nstdout:\n{result.Stdout}\nstderr (tail):\n{result.StderrTail()}");
        return result;
    }
}
