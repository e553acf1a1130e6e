using Streaming.Contracts.Cli;
using System.CommandLine;
using System.Globalization;
using Streaming.Processor.Hosting;

namespace Streaming.Processor.Cli;

/// <summary>
/// <c>processor backfill</c>: a bounded replay of a range of the input topics under its own application id, into
/// suffixed output topics (default suffix <c>backfill</c>) or, with <c>--normal-outputs</c>, the normal ones.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create()
    {
        var options = new ProcessorCliOptions();
        var appId = new Option<string>("--app-id") { Description = "Application id of the backfill (required; not the live one).", Required = true };
        var fromOffsets = new Option<string?>("--from-offsets") { Description = "Start offsets, 'trips:0=100,1=250;messages:0=7'; unlisted partitions start at the earliest offset." };
        var fromTimestamp = new Option<string?>("--from-timestamp") { Description = "Start at the first record at or after this time (ISO-8601, UTC unless an offset is given)." };
        var toOffsets = new Option<string?>("--to-offsets") { Description = "Exclusive end offsets, same syntax; unlisted partitions end at the current end." };
        var toTimestamp = new Option<string?>("--to-timestamp") { Description = "End before the first record at or after this time." };
        var normalOutputs = new Option<bool>("--normal-outputs") { Description = "Write to the normal output topics instead of suffixed ones." };
        var command = new Command("backfill", "Replay a bounded range of the input topics under its own application id, then exit.");
        options.AddTo(command);
        foreach (var option in new Option[] { appId, fromOffsets, fromTimestamp, toOffsets, toTimestamp, normalOutputs })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = result.GetValue(appId)!;
            if (id == ProcessorCliOptions.DefaultApplicationId)
            {
                throw new UsageException($"--app-id {id} is the live processor's; give the backfill its own, e.g. {id}-backfill-1.");
            }
            if (result.GetValue(fromOffsets) is not null && result.GetValue(fromTimestamp) is not null)
            {
                throw new UsageException("--from-offsets and --from-timestamp exclude each other; pass one.");
            }
            if (result.GetValue(toOffsets) is not null && result.GetValue(toTimestamp) is not null)
            {
                throw new UsageException("--to-offsets and --to-timestamp exclude each other; pass one.");
            }
            var suffix = result.GetValue(options.OutputSuffix);
            if (result.GetValue(normalOutputs) && suffix is not null)
            {
                throw new UsageException("--normal-outputs and --output-suffix exclude each other; pass one.");
            }
            var settings = RunCommand.ResolveSettings(options, result, id, untilEnd: true,
                outputSuffix: result.GetValue(normalOutputs) ? null : suffix ?? "backfill");
            var (start, end) = BackfillRange.Resolve(
                settings.Kafka,
                settings.Topics.Inputs,
                result.GetValue(fromOffsets) is { } fo ? OffsetSpec.Parse(Prefixed(fo, result.GetValue(options.TopicPrefix)), "--from-offsets") : null,
                ParseTime(result.GetValue(fromTimestamp), "--from-timestamp"),
                result.GetValue(toOffsets) is { } to ? OffsetSpec.Parse(Prefixed(to, result.GetValue(options.TopicPrefix)), "--to-offsets") : null,
                ParseTime(result.GetValue(toTimestamp), "--to-timestamp"));
            await Console.Error.WriteLineAsync("processor backfill: range " + string.Join(", ",
                start.OrderBy(s => s.Key).Select(s => $"{s.Key.Item1}-{s.Key.Item2} [{s.Value}, {end[s.Key]})"))).ConfigureAwait(false);
            return await ProcessorRun.ExecuteAsync(settings with { StartOffsets = start, EndOffsets = end }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Offsets name the unprefixed topics (trips, messages); the prefix is applied here.</summary>
    private static string Prefixed(string spec, string? prefix) =>
        string.IsNullOrEmpty(prefix) ? spec : string.Join(';', spec.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => prefix + p.Trim()));

    private static long? ParseTime(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : throw new UsageException($"{flag} '{text}' is not a time; pass ISO-8601 such as 2025-09-01T06:00:00Z.");
    }
}
