using Streaming.Contracts.Cli;
using System.Globalization;

namespace Streaming.Processor.Hosting;

/// <summary>
/// Parses <c>--from-offsets</c>/<c>--to-offsets</c>: <c>trips:0=100,1=250;messages:0=7</c>. A partition not listed takes
/// the default (earliest for a start, the end offset at start for an end).
/// </summary>
public static class OffsetSpec
{
    public static Dictionary<(string Topic, int Partition), long> Parse(string spec, string flag)
    {
        var result = new Dictionary<(string, int), long>();
        foreach (var topicPart in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = topicPart.IndexOf(':');
            if (colon <= 0)
            {
                throw Bad(flag, spec, $"'{topicPart}' has no 'topic:' before its partitions");
            }
            var topic = topicPart[..colon];
            foreach (var assignment in topicPart[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = assignment.Split('=');
                if (parts.Length != 2
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                {
                    throw Bad(flag, spec, $"'{assignment}' is not partition=offset");
                }
                result[(topic, partition)] = offset;
            }
        }
        return result;
    }

    private static Contracts.Cli.UsageException Bad(string flag, string spec, string why) =>
        new($"{flag} '{spec}' is malformed: {why}; write it like 'trips:0=100,1=250;messages:0=7'.");
}
