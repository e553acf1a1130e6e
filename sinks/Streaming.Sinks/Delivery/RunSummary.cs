using System.Globalization;

namespace Streaming.Sinks.Delivery;

/// <summary>Counters of one sink run, printed at the end of a bounded run.</summary>
public sealed class RunSummary
{
    /// <summary>Records read from Kafka (decoded or rejected).</summary>
    public long Records { get; private set; }

    /// <summary>Rows (Postgres) or file records (S3) written.</summary>
    public long Rows { get; private set; }

    /// <summary>Files completed (S3).</summary>
    public long Files { get; private set; }

    /// <summary>Bytes written.</summary>
    public long Bytes { get; private set; }

    /// <summary>Records published to <c>sink.rejected</c>.</summary>
    public long Rejected { get; private set; }

    /// <summary>Flushes that wrote something.</summary>
    public long Flushes { get; private set; }

    /// <summary>Counts one record read.</summary>
    public void AddRecord() => Records++;

    /// <summary>Counts one rejected record.</summary>
    public void AddRejected() => Rejected++;

    /// <summary>Adds what a flush wrote.</summary>
    public void Add(FlushResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Rows += result.Rows;
        Files += result.Files;
        Bytes += result.Bytes;
        if (result.Rows > 0 || result.Files > 0)
        {
            Flushes++;
        }
    }

    /// <summary>One line, e.g. <c>sinks postgres: records=1200 rows=1190 files=0 bytes=81234 rejected=10 flushes=3 elapsed=1.2s</c>.</summary>
    public string Format(string sinkName, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"sinks {sinkName}: records={Records} rows={Rows} files={Files} bytes={Bytes} rejected={Rejected} flushes={Flushes} elapsed={elapsed.TotalSeconds:F1}s");
}
