using System.Text.Json;

namespace Streaming.EndToEnd.Tests.Oracle;

/// <summary>What oracle.mjs computed from the producer's JSONL (snake_case JSON, see the script).</summary>
public sealed record OracleResult(
    Dictionary<string, OracleCounters> Counters,
    Dictionary<string, List<long>> PartitionSizes,
    List<OracleCityHourly> CityHourly,
    List<string> TripsClean,
    Dictionary<string, List<OracleRejected>> Rejected,
    Dictionary<string, List<OracleLate>> Late,
    List<OracleFlagged> Flagged,
    Dictionary<string, List<OracleStrikeStatus>> StrikeStatuses,
    OracleStrikeTotals StrikeTotals)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

/// <summary>Conservation counters of one input topic.</summary>
public sealed record OracleCounters(long In, long Accepted, long Duplicates, long BeyondHorizon, long WindowLate, Dictionary<string, long> Rejected)
{
    public long RejectedTotal => Rejected.Values.Sum();
}

public sealed record OracleCityHourly(
    string City, long WindowStart, long WindowEnd, long Trips, double FareSum, double FareAvg, double FareMin, double FareMax,
    double DistanceKmSum, double AvgDurationS);

/// <summary>A rejected input record: where it sits in its source topic and why.</summary>
public sealed record OracleRejected(int Partition, long Offset, string Key, string Reason);

/// <summary>A late record: the event id, the reason and the source partition's watermark on arrival.</summary>
public sealed record OracleLate(string Id, string Reason, long Watermark);

public sealed record OracleFlagged(string MessageId, string SenderId, List<string> MatchedWords);

public sealed record OracleStrikeStatus(
    string SenderId, int ActiveStrikes, int Level, double SalaryMultiplier, string Status, long? CooldownUntil, long AsOf);

/// <summary>Totals over all senders, to show a scenario exercised expiry and INACTIVE.</summary>
public sealed record OracleStrikeTotals(long Statuses, long Expired, long ExpiredOnArrival, long Duplicates, long InactiveSenders);
