using Npgsql;
using Streaming.Contracts.Avro;
using Streaming.Contracts.Avro.Codecs;
using Streaming.Contracts.Events;
using Streaming.Contracts.Serialization;
using Streaming.Sinks.Delivery;
using Streaming.Sinks.Postgres.Copy;

namespace Streaming.Sinks.Postgres.Tables;

/// <summary>
/// Base of the result tables. Each record is encoded into a binary COPY tuple the moment it is added, straight from its
/// Avro payload (<see cref="AddRaw"/>, no objects in between; a decoded value is written back to its payload first),
/// and a batch keeps one row per primary key (the winner by <see cref="Supersedes"/>). Writing then:
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
    private readonly CopyRowBuffer _rows = new();
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

    /// <summary>Column list of the COPY, in tuple field order; the table's own columns.</summary>
    protected abstract string CopyColumns { get; }

    /// <summary>The merge statement from <see cref="TempName"/> into the table.</summary>
    protected abstract string UpsertSql { get; }

    /// <summary>The Avro record name, for decode errors.</summary>
    protected abstract string RecordName { get; }

    /// <summary>The contract codec of <typeparamref name="T"/>, to write a decoded value back to its Avro payload.</summary>
    protected abstract AvroCodec<T> Codec { get; }

    /// <inheritdoc />
    public bool Accepts(SinkRecord record) => record.Value is T;

    /// <inheritdoc />
    /// <remarks>
    /// A decoded value (the first record of each schema id, or a sink fed decoded records) is written back to its Avro
    /// payload and transcoded like a raw one, so each table has one encoder and both paths store the same bytes.
    /// </remarks>
    public void Add(SinkRecord record) =>
        Append(Codec.Encode((T)record.Value), record.Topic, record.Partition, record.Offset, schemaId: null);

    /// <inheritdoc />
    public void AddRaw(in PolledRecord record, int schemaId) =>
        Append(record.Value.AsSpan(ConfluentWireFormat.HeaderSize), record.Topic, record.Partition, record.Offset, schemaId);

    private void Append(ReadOnlySpan<byte> payload, string topic, int partition, long offset, int? schemaId)
    {
        var start = _rows.Length;
        try
        {
            var reader = new AvroReader(payload);
            var key = TranscodeRow(ref reader, offset, _rows);
            reader.EnsureEnd(RecordName);
            Keep(new BufferedRow(key.Key, key.Order, start, _rows.Length - start, topic, partition, offset));
        }
        catch (Exception ex) when (ex is AvroException or ArgumentOutOfRangeException)
        {
            _rows.Truncate(start);
            // Worded as the contract serde words its decode failures.
            var detail = schemaId is null ? ex.Message : $"schema id {schemaId}: {ex.Message}";
            throw new RecordDecodeException(RejectReasons.Undecodable, detail, ex) { SchemaId = schemaId };
        }
        catch
        {
            _rows.Truncate(start);
            throw;
        }
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
        _rows.Clear();
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

    /// <summary>
    /// Reads one Avro record of the table's schema from <paramref name="reader"/> and encodes it as one tuple in
    /// <see cref="CopyColumns"/> order.
    /// </summary>
    /// <exception cref="AvroException">The payload does not match the schema.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value the column cannot hold.</exception>
    protected abstract RowKey TranscodeRow(ref AvroReader reader, long offset, CopyRowBuffer rows);

    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="current"/> of the same key; default: the later record.</summary>
    protected virtual bool Supersedes(in BufferedRow candidate, in BufferedRow current) =>
        (candidate.Partition, candidate.Offset).CompareTo((current.Partition, current.Offset)) > 0;

    private void Keep(BufferedRow row)
    {
        if (_indexByKey.TryGetValue(row.Key, out var index))
        {
            // The loser's bytes stay in the buffer unreferenced until the batch is cleared.
            if (Supersedes(row, _buffered[index]))
            {
                _buffered[index] = row;
            }
            return;
        }
        _indexByKey[row.Key] = _buffered.Count;
        _buffered.Add(row);
    }

    private Task CopyAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        BinaryCopy.CopyAsync(connection, table, CopyColumns, _rows, _buffered.Select(r => (r.Start, r.Length)), cancellationToken);

    /// <summary>A buffered tuple: its key, where its bytes are, and its source position.</summary>
    protected readonly record struct BufferedRow(string Key, long Order, int Start, int Length, string Topic, int Partition, long Offset);
}
