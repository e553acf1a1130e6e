using Npgsql;
using NpgsqlTypes;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// Base of the result tables. A batch keeps the decoded records, one per primary key (the winner by
/// <see cref="Supersedes"/>), checked against the columns' ranges the moment they are added, and writes them with
/// Npgsql's binary import:
/// <list type="bullet">
/// <item>binary COPY straight into the table under a savepoint, when <see cref="DirectCopyPolicy"/> says keys are
/// likely new (the common case: each result is emitted once);</item>
/// <item>otherwise, or when that COPY meets an existing key (23505: a replay after a crash, an update, a concurrent
/// writer), binary COPY into a temp table (dropped on commit) and one <c>INSERT … SELECT … ON CONFLICT (pk) DO UPDATE</c>.</item>
/// </list>
/// Both run inside the caller's batch transaction, so the result is the same either way.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class UpsertTable<T> : IUpsertTable
    where T : class
{
    private readonly List<BufferedRow> _buffered = [];
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public int Count => _buffered.Count;

    /// <summary>Name of the batch's temp table.</summary>
    protected string TempName => "tmp_" + Name;

    /// <summary>The temp table's column definitions (same columns as <see cref="CopyColumns"/>).</summary>
    protected abstract string TempColumns { get; }

    /// <summary>Column list of the COPY, in the order <see cref="WriteRow"/> writes them; the table's own columns.</summary>
    protected abstract string CopyColumns { get; }

    /// <summary>The merge statement from <see cref="TempName"/> into the table.</summary>
    protected abstract string UpsertSql { get; }

    /// <inheritdoc />
    public bool Accepts(SinkRecord record) => record.Value is T;

    /// <inheritdoc />
    public void Add(SinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var value = (T)record.Value;
        try
        {
            CheckRanges(value);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new RecordDecodeException(RejectReasons.Undecodable, ex.Message, ex);
        }
        Keep(new BufferedRow(KeyOf(value), OrderOf(value), value, record.Topic, record.Partition, record.Offset));
    }

    /// <inheritdoc />
    public void Discard(IReadOnlySet<(string Topic, int Partition)> partitions)
    {
        _buffered.RemoveAll(row => partitions.Contains((row.Topic, row.Partition)));
        _indexByKey.Clear();
        for (var i = 0; i < _buffered.Count; i++)
        {
            _indexByKey[_buffered[i].Key] = i;
        }
    }

    /// <inheritdoc />
    public void Clear()
    {
        _buffered.Clear();
        _indexByKey.Clear();
    }

    /// <inheritdoc />
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DirectCopyPolicy policy, CancellationToken cancellationToken)
    {
        if (_buffered.Count == 0)
        {
            return;
        }
        if (policy.TryDirectCopy())
        {
            await transaction.SaveAsync("direct_copy", cancellationToken).ConfigureAwait(false);
            try
            {
                await CopyAsync(connection, Name, cancellationToken).ConfigureAwait(false);
                await transaction.ReleaseAsync("direct_copy", cancellationToken).ConfigureAwait(false);
                policy.Succeeded();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A key exists already (a replay, an update, a concurrent writer): merge instead.
                await transaction.RollbackAsync("direct_copy", cancellationToken).ConfigureAwait(false);
                policy.Conflicted();
            }
        }
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {TempName} ({TempColumns}) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await CopyAsync(connection, TempName, cancellationToken).ConfigureAwait(false);
        await using var upsert = new NpgsqlCommand(UpsertSql, connection);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The primary key of <paramref name="value"/> as text (unique per row of the table).</summary>
    protected abstract string KeyOf(T value);

    /// <summary>The table's own ordering value for <see cref="Supersedes"/>; 0 when unused.</summary>
    protected virtual long OrderOf(T value) => 0;

    /// <summary>Checks that every value fits its column, so a record the table cannot hold is rejected alone.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value the column cannot hold; the message names the field.</exception>
    protected abstract void CheckRanges(T value);

    /// <summary>Writes one row's columns in <see cref="CopyColumns"/> order (the row is started already).</summary>
    protected abstract void WriteRow(NpgsqlBinaryImporter importer, T value, long offset);

    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="current"/> of the same key; default: the later record.</summary>
    protected virtual bool Supersedes(in BufferedRow candidate, in BufferedRow current) =>
        (candidate.Partition, candidate.Offset).CompareTo((current.Partition, current.Offset)) > 0;

    private void Keep(BufferedRow row)
    {
        if (_indexByKey.TryGetValue(row.Key, out var index))
        {
            if (Supersedes(row, _buffered[index]))
            {
                _buffered[index] = row;
            }
            return;
        }
        _indexByKey[row.Key] = _buffered.Count;
        _buffered.Add(row);
    }

    private async Task CopyAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({CopyColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            // Synchronous row writes: they only fill Npgsql's write buffer and block just when it flushes, which on
            // this background write costs less than an awaited call per value.
            foreach (var row in _buffered)
            {
                importer.StartRow();
                WriteRow(importer, row.Value, row.Offset);
            }
            // The server's verdict (a unique violation, say) surfaces here.
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A buffered record: its key and ordering value, the value, and its source position.</summary>
    protected readonly record struct BufferedRow(string Key, long Order, T Value, string Topic, int Partition, long Offset);
}
