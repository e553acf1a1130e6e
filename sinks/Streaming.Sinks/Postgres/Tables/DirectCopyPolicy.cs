namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// Decides, per table and across batches, whether a batch first tries a binary COPY straight into the table (under a
/// savepoint) or goes straight to the temp-table merge. Most batches hold only new keys (each result is emitted once),
/// so the direct COPY usually succeeds and costs the server the least; after it met an existing key the merge is used
/// for the next 1, 2, 4 … 64 batches before the direct COPY is tried again, so a table whose keys keep recurring
/// (sender status updates, a replay after a crash) wastes at most one failed COPY per streak.
/// </summary>
/// <remarks>Used by the single background write of <see cref="PostgresSink"/>; batches never write concurrently.</remarks>
internal sealed class DirectCopyPolicy
{
    private const int LongestStreak = 64;
    private int _streak;
    private int _mergesLeft;

    /// <summary>Whether the next batch should try the direct COPY; counts down the merge streak when not.</summary>
    public bool TryDirectCopy()
    {
        if (_mergesLeft == 0)
        {
            return true;
        }
        _mergesLeft--;
        return false;
    }

    /// <summary>The direct COPY succeeded: keys are new again.</summary>
    public void Succeeded() => _streak = 0;

    /// <summary>The direct COPY met an existing key: merge for a longer streak.</summary>
    public void Conflicted()
    {
        _streak = Math.Clamp(_streak * 2, 1, LongestStreak);
        _mergesLeft = _streak;
    }
}
