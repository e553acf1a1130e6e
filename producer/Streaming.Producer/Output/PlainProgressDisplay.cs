using System.Diagnostics;
using System.Globalization;

namespace Streaming.Producer.Output;

/// <summary>Progress as plain lines (for logs and pipes): at most one line per interval, plus a final line.</summary>
internal sealed class PlainProgressDisplay(TextWriter output, TimeSpan interval) : IProgressDisplay
{
    /// <inheritdoc />
    public async Task<T> RunAsync<T>(string description, long total, Func<Action<long>, Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var nextLine = interval;
        long last = 0;
        void Report(long done)
        {
            last = done;
            if (clock.Elapsed >= nextLine)
            {
                nextLine = clock.Elapsed + interval;
                Write(description, done, total, clock.Elapsed);
            }
        }
        var result = await work(Report).ConfigureAwait(false);
        Write(description, last, total, clock.Elapsed);
        return result;
    }

    private void Write(string description, long done, long total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var amount = total < 0
            ? string.Create(CultureInfo.InvariantCulture, $"{done} records")
            : string.Create(CultureInfo.InvariantCulture, $"{done}/{total} records ({(total > 0 ? 100.0 * done / total : 100.0):0.0}%)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{description}: {amount}, {rate:0} records/s, {elapsed.TotalSeconds:0.0} s"));
    }
}
