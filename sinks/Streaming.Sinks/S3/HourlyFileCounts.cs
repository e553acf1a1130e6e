namespace Streaming.Sinks.S3;

/// <summary>
/// Files uploaded per hour folder and Kafka partition during one run, for the run summary: the small-file storm shows as
/// a high <see cref="MaxPerHourAndPartition"/>. Re-uploads after a restart count again.
/// </summary>
public sealed class HourlyFileCounts
{
    private readonly Dictionary<(int Partition, long HourStart), int> _counts = [];

    /// <summary>Files counted.</summary>
    public long Files { get; private set; }

    /// <summary>Distinct hours that got a file.</summary>
    public int Hours => _counts.Keys.Select(k => k.HourStart).Distinct().Count();

    /// <summary>The most files in any one hour folder (all partitions); 0 when none.</summary>
    public int MaxPerHour => _counts.GroupBy(kv => kv.Key.HourStart).Select(g => g.Sum(kv => kv.Value)).DefaultIfEmpty(0).Max();

    /// <summary>The most files any one partition wrote into one hour; 0 when none.</summary>
    public int MaxPerHourAndPartition => _counts.Values.DefaultIfEmpty(0).Max();

    /// <summary>Counts one uploaded file of <paramref name="partition"/> in the hour starting at <paramref name="hourStart"/>.</summary>
    public void Add(int partition, long hourStart)
    {
        _counts[(partition, hourStart)] = _counts.GetValueOrDefault((partition, hourStart)) + 1;
        Files++;
    }

    /// <summary>The summary fields, e.g. <c>hours=24 max_files_per_hour=8 max_files_per_hour_partition=2</c>.</summary>
    public string Format() =>
        FormattableString.Invariant($"hours={Hours} max_files_per_hour={MaxPerHour} max_files_per_hour_partition={MaxPerHourAndPartition}");
}
