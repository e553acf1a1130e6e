using Streaming.Producer.Generation;

namespace Streaming.Producer.Replay;

/// <summary>The outcome of reading one row of a replay file: a record to send, a rejected row, or a skipped row.</summary>
/// <param name="Line">1-based line number the row starts on.</param>
/// <param name="Record">The record to send, when the row was encodable.</param>
/// <param name="RejectReason">Why the row cannot be encoded, when it cannot.</param>
/// <param name="SkipReason">Why a valid row is not for this topic (an envelope of the other stream).</param>
internal sealed record ReplayRow(int Line, ProducerRecord? Record, string? RejectReason, string? SkipReason = null)
{
    public static ReplayRow Accepted(int line, ProducerRecord record) => new(line, record, null);

    public static ReplayRow Rejected(int line, string reason) => new(line, null, reason);

    public static ReplayRow Skipped(int line, string reason) => new(line, null, null, reason);
}
