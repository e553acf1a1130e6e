using System.CommandLine;
using Streaming.Contracts.Configuration;

namespace Streaming.Sinks.Cli;

/// <summary>
/// Runs the command line with the project's error policy: a configuration or usage problem prints one
/// sentence saying what to fix and exits 2; cancellation (Ctrl+C, SIGTERM) exits 130. Never a stack trace.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync("sinks: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("sinks: cancelled").ConfigureAwait(false);
            return 130;
        }
    }
}
