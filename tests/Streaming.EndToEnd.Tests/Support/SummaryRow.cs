namespace Streaming.EndToEnd.Tests.Support;

/// <summary>One input topic's row of the processor's printed conservation table.</summary>
public sealed record SummaryRow(string Topic, long In, long Accepted, long Duplicates, long BeyondHorizon, long Rejected, long WindowLate, string Balance)
{
    public Dictionary<string, long> RejectedByReason { get; } = new(StringComparer.Ordinal);
}
