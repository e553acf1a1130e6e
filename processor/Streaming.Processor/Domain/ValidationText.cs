using System.Globalization;
using Streaming.Contracts;

namespace Streaming.Processor.Domain;

/// <summary>Formatting shared by the validators, so details read the same for trips and messages.</summary>
internal static class ValidationText
{
    public static bool IsMissing(string? value) => string.IsNullOrWhiteSpace(value);

    public static string Missing(string field, string? value) =>
        value is null ? $"{field} is missing." : $"{field} is empty ('{value}').";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Time(long epochMillis) => $"{epochMillis} ({EpochMillis.ToIsoString(epochMillis)})";

    /// <summary>
    /// The future check. A partition without stream time (no record accepted yet) has nothing to compare against, so its
    /// first record is never judged to be in the future.
    /// </summary>
    public static ValidationFailure? CheckFuture(string field, long eventTime, long? partitionStreamTime, long toleranceMs)
    {
        if (partitionStreamTime is not { } streamTime)
        {
            return null;
        }
        var limit = streamTime > long.MaxValue - toleranceMs ? long.MaxValue : streamTime + toleranceMs;
        return eventTime > limit
            ? new ValidationFailure(
                Contracts.Events.RejectReasons.FutureTimestamp,
                $"{field} = {Time(eventTime)} is more than {toleranceMs} ms ahead of the partition's stream time {Time(streamTime)}.")
            : null;
    }
}
