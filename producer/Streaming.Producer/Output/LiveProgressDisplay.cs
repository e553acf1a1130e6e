using Spectre.Console;

namespace Streaming.Producer.Output;

/// <summary>A Spectre.Console live progress bar, for terminals.</summary>
internal sealed class LiveProgressDisplay(IAnsiConsole console) : IProgressDisplay
{
    /// <inheritdoc />
    public async Task<T> RunAsync<T>(string description, long total, Func<Action<long>, Task<T>> work)
    {
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                task.IsIndeterminate = total < 0;
                result = await work(done => task.Value = done).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }
}
