using Npgsql;
using NpgsqlTypes;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// Base of the result tables. A batch keeps one row per primary key (the winner by <see cref="Supersedes"/>), then:
/// <list type="bullet">
/// <item>when none of its keys exist yet (the common case: each result is emitted once), binary COPY straight into
/// the table, under a savepoint;</item>
/// <item>otherwise (a replay after a crash, an update) — or when that COPY meets a key another writer inserted
/// meanwhile (23505) — binary COPY into a temp table (dropped on commit) and one
/// <c>INSERT … SELECT … ON CONFLICT (pk) DO UPDATE</c>.</item>
/// </list>
/// Both run inside the caller's batch transaction, so the result is the same either way.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class UpsertTable<T> : IUpsertTable
    where T : class
{
    private readonly List<BufferedRow> _rows = [];
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public int Count => _rows.Count;

    /// <summary>Name of the batch's temp table.</summary>
    protected string TempName => "tmp_" + Name;

    /// <summary>The temp table's column definitions (same columns as <see cref="CopyColumns"/>).</summary>
    protected abstract string TempColumns { get; }

    /// <summary>Column list of the COPY, in <see cref="WriteRow"/> order; the table's own columns.</summary>
    protected abstract string CopyColumns { get; }

    /// <summary>The merge statement from <see cref="TempName"/> into the table.</summary>
    protected abstract string UpsertSql { get; }

    /// <inheritdoc />
    public bool Accepts(SinkRecord record) => record.Value is T;

    /// <inheritdoc />
    public void Add(SinkRecord record)
    {
        var row = new BufferedRow((T)record.Value, record.Topic, record.Partition, record.Offset);
        var key = KeyOf(row.Value);
        if (_indexByKey.TryGetValue(key, out var index))
        {
            if (Supersedes(row, _rows[index]))
            {
                _rows[index] = row;
            }
            return;
        }
        _indexByKey[key] = _rows.Count;
        _rows.Add(row);
    }

    /// <inheritdoc />
    public void Discard(IReadOnlySet<(string Topic, int Partition)> partitions)
    {
        _rows.RemoveAll(row => partitions.Contains((row.Topic, row.Partition)));
        _indexByKey.Clear();
        for (var i = 0; i < _rows.Count; i++)
        {
            _indexByKey[KeyOf(_rows[i].Value)] = i;
        }
    }

    /// <inheritdoc />
    public void Clear()
    {
        _rows.Clear();
        _indexByKey.Clear();
    }

    /// <inheritdoc />
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }
        if (!await AnyKeyExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await transaction.SaveAsync("direct_copy", cancellationToken).ConfigureAwait(false);
            try
            {
                await CopyAsync(connection, Name, cancellationToken).ConfigureAwait(false);
                await transaction.ReleaseAsync("direct_copy", cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A concurrent writer inserted one of the keys since the check: merge instead.
                await transaction.RollbackAsync("direct_copy", cancellationToken).ConfigureAwait(false);
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

    /// <summary>The primary key of a value as text (unique per row of the table).</summary>
    protected abstract string KeyOf(T value);

    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="current"/> of the same key; default: the later record.</summary>
    protected virtual bool Supersedes(BufferedRow candidate, BufferedRow current) =>
        (candidate.Partition, candidate.Offset).CompareTo((current.Partition, current.Offset)) > 0;

    /// <summary>Whether any buffered key is already in the table.</summary>
    protected abstract Task<bool> AnyKeyExistsAsync(NpgsqlConnection connection, IReadOnlyList<T> values, CancellationToken cancellationToken);

    /// <summary>Writes the columns of one row, in <see cref="CopyColumns"/> order.</summary>
    protected abstract void WriteRow(NpgsqlBinaryImporter importer, BufferedRow row);

    /// <summary>A UTC timestamp from epoch milliseconds.</summary>
    protected static DateTime ToTimestamp(long epochMillis) => DateTime.UnixEpoch.AddMilliseconds(epochMillis);

    /// <summary>Runs <c>SELECT EXISTS (…)</c> with one array parameter per entry of <paramref name="arrays"/>.</summary>
    protected static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, NpgsqlDbType Type, object Value)[] arrays)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, type, value) in arrays)
        {
            command.Parameters.AddWithValue(name, NpgsqlDbType.Array | type, value);
        }
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private Task<bool> AnyKeyExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        AnyKeyExistsAsync(connection, _rows.ConvertAll(r => r.Value), cancellationToken);

    private async Task CopyAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({CopyColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in _rows)
            {
                // Synchronous per-value writes: the importer buffers and only blocks when its buffer is full; an await
                // per column would cost more than the copy itself.
                importer.StartRow();
                WriteRow(importer, row);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A buffered value with its source position.</summary>
    protected readonly record struct BufferedRow(T Value, string Topic, int Partition, long Offset);
}
