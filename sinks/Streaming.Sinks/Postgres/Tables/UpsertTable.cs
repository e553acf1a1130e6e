using Npgsql;
using NpgsqlTypes;
using Streaming.Sinks.Delivery;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// Base of the result tables: rows are binary-COPYed into a temp table (dropped on commit) together with their source
/// partition and offset, then merged with one <c>INSERT … SELECT DISTINCT ON (pk) … ON CONFLICT (pk) DO UPDATE</c>.
/// DISTINCT ON keeps one row per key per batch (Postgres refuses to update a row twice in one statement).
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class UpsertTable<T> : IUpsertTable
    where T : class
{
    private readonly List<(T Value, string Topic, int Partition, long Offset)> _rows = [];

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public int Count => _rows.Count;

    /// <summary>Name of the batch's temp table.</summary>
    protected string TempName => "tmp_" + Name;

    /// <summary>The temp table's column definitions, ending with <c>src_partition integer, src_offset bigint</c>.</summary>
    protected abstract string TempColumns { get; }

    /// <summary>Column list of the COPY, in <see cref="WriteRow"/> order.</summary>
    protected abstract string CopyColumns { get; }

    /// <summary>The merge statement from <see cref="TempName"/> into the table.</summary>
    protected abstract string UpsertSql { get; }

    /// <inheritdoc />
    public bool Accepts(SinkRecord record) => record.Value is T;

    /// <inheritdoc />
    public void Add(SinkRecord record) => _rows.Add(((T)record.Value, record.Topic, record.Partition, record.Offset));

    /// <inheritdoc />
    public void Discard(IReadOnlySet<(string Topic, int Partition)> partitions) =>
        _rows.RemoveAll(row => partitions.Contains((row.Topic, row.Partition)));

    /// <inheritdoc />
    public void Clear() => _rows.Clear();

    /// <inheritdoc />
    public async Task WriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {TempName} ({TempColumns}) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var importer = await connection.BeginBinaryImportAsync($"COPY {TempName} ({CopyColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var (value, _, partition, offset) in _rows)
            {
                // Synchronous per-value writes: the importer buffers and only blocks when its buffer is full; an await
                // per column would cost more than the copy itself.
                importer.StartRow();
                WriteRow(importer, value);
                importer.Write(partition, NpgsqlDbType.Integer);
                importer.Write(offset, NpgsqlDbType.Bigint);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var upsert = new NpgsqlCommand(UpsertSql, connection);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the value columns of one row (everything before src_partition, src_offset).</summary>
    protected abstract void WriteRow(NpgsqlBinaryImporter importer, T value);

    /// <summary>A UTC timestamp from epoch milliseconds.</summary>
    protected static DateTime ToTimestamp(long epochMillis) => DateTime.UnixEpoch.AddMilliseconds(epochMillis);
}
